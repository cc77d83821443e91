#include "store/SqliteErrors.h"

#include <sqlite3.h>

namespace rxdesk::store {

Error translateSqliteError(const SQLite::Exception& e) {
    switch (e.getErrorCode()) {
        case SQLITE_FULL:
            return Error(ErrorKind::Storage, "disk_full", "ディスクの空きがないため保存できませんでした");
        case SQLITE_BUSY:
        case SQLITE_LOCKED:
            return Error(ErrorKind::Storage, "database_busy", "データベースが混み合っています");
        case SQLITE_CONSTRAINT:
            return Error(ErrorKind::Conflict, "constraint_violation", "データの整合性制約に反します");
        case SQLITE_IOERR:
            return Error(ErrorKind::Storage, "io_error", "データベースの読み書きに失敗しました");
        default:
            return Error(ErrorKind::Storage, "storage_error", "データベースの処理に失敗しました");
    }
}

bool isUniqueViolation(const SQLite::Exception& e) {
    return e.getExtendedErrorCode() == SQLITE_CONSTRAINT_UNIQUE ||
           e.getExtendedErrorCode() == SQLITE_CONSTRAINT_PRIMARYKEY;
}

}  // namespace rxdesk::store
