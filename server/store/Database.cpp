#include "store/Database.h"

#include <SQLiteCpp/Exception.h>
#include <sqlite3.h>

#include "core/Error.h"
#include "store/SqliteErrors.h"

namespace rxdesk::store {
namespace {

enum class Mode { None, Read, Write };

// The transaction running on this thread, per Database instance.
struct ThreadTransaction {
    const Database* owner = nullptr;
    SQLite::Database* connection = nullptr;
    Mode mode = Mode::None;
};
thread_local ThreadTransaction tl_current;

class ScopedTransaction {
public:
    ScopedTransaction(const Database* owner, SQLite::Database* c, Mode mode)
        : saved_(tl_current) {
        tl_current = {owner, c, mode};
    }
    ~ScopedTransaction() { tl_current = saved_; }

private:
    ThreadTransaction saved_;
};

template <typename F>
void runTransaction(SQLite::Database& c, const char* begin, F&& work) {
    try {
        c.exec(begin);
    } catch (const SQLite::Exception& e) {
        throw translateSqliteError(e);
    }
    try {
        work();
        c.exec("COMMIT");
    } catch (const SQLite::Exception& e) {
        try {
            c.exec("ROLLBACK");
        } catch (...) {
        }
        throw translateSqliteError(e);
    } catch (...) {
        try {
            c.exec("ROLLBACK");
        } catch (...) {
        }
        throw;
    }
}

}  // namespace

Database::Database(std::string path, Durability durability, int max_readers)
    : path_(std::move(path)), durability_(durability), max_readers_(max_readers) {
    try {
        writer_ = open(true);
        writer_->exec("PRAGMA journal_mode = WAL");
    } catch (const SQLite::Exception& e) {
        throw Error(ErrorKind::Storage, "database_open_failed",
                    "データベースを開けませんでした: " + std::string(e.what()));
    }
}

Database::~Database() {
    // Leave no WAL behind on a clean shutdown: checkpoint and truncate it.
    try {
        std::lock_guard lock(write_mutex_);
        writer_->exec("PRAGMA wal_checkpoint(TRUNCATE)");
    } catch (...) {
    }
}

std::unique_ptr<SQLite::Database> Database::open(bool writer) const {
    int flags = writer ? (SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE) : SQLite::OPEN_READONLY;
    auto db = std::make_unique<SQLite::Database>(path_, flags | SQLITE_OPEN_NOMUTEX, 5000);
    db->exec("PRAGMA foreign_keys = ON");
    if (writer)
        db->exec(durability_ == Durability::Full ? "PRAGMA synchronous = FULL"
                                                 : "PRAGMA synchronous = NORMAL");
    return db;
}

void Database::write(const std::function<void()>& work) {
    if (tl_current.owner == this) {
        if (tl_current.mode == Mode::Write) return work();  // nested write joins the outer one
        throw Error(ErrorKind::Internal, "write_in_read", "読み取り中に書き込みはできません");
    }
    std::lock_guard lock(write_mutex_);
    ScopedTransaction scope(this, writer_.get(), Mode::Write);
    runTransaction(*writer_, "BEGIN IMMEDIATE", work);
}

void Database::read(const std::function<void()>& work) {
    if (tl_current.owner == this) return work();  // already inside a transaction
    auto reader = checkoutReader();
    try {
        ScopedTransaction scope(this, reader.get(), Mode::Read);
        runTransaction(*reader, "BEGIN", work);
    } catch (...) {
        returnReader(std::move(reader));
        throw;
    }
    returnReader(std::move(reader));
}

SQLite::Database& Database::connection() {
    if (tl_current.owner != this || !tl_current.connection)
        throw Error(ErrorKind::Internal, "no_transaction", "トランザクションの外でデータベースを使おうとしました");
    return *tl_current.connection;
}

std::unique_ptr<SQLite::Database> Database::checkoutReader() {
    std::unique_lock lock(pool_mutex_);
    pool_cv_.wait(lock, [&] { return !idle_readers_.empty() || open_readers_ < max_readers_; });
    if (!idle_readers_.empty()) {
        auto reader = std::move(idle_readers_.back());
        idle_readers_.pop_back();
        return reader;
    }
    ++open_readers_;
    lock.unlock();
    try {
        return open(false);
    } catch (const SQLite::Exception& e) {
        std::lock_guard relock(pool_mutex_);
        --open_readers_;
        pool_cv_.notify_one();
        throw translateSqliteError(e);
    }
}

void Database::returnReader(std::unique_ptr<SQLite::Database> reader) {
    std::lock_guard lock(pool_mutex_);
    idle_readers_.push_back(std::move(reader));
    pool_cv_.notify_one();
}

}  // namespace rxdesk::store
