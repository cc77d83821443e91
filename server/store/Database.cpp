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
    StatementCache* statements = nullptr;
    Mode mode = Mode::None;
};
thread_local ThreadTransaction tl_current;

class ScopedTransaction {
public:
    ScopedTransaction(const Database* owner, SQLite::Database* c, StatementCache* statements,
                      Mode mode)
        : saved_(tl_current) {
        tl_current = {owner, c, statements, mode};
    }
    ~ScopedTransaction() { tl_current = saved_; }

private:
    ThreadTransaction saved_;
};

// Transaction control runs often enough that its statements are cached too.
void run(StatementCache& statements, std::string_view sql) {
    statements.get(sql)->exec();
}

void rollbackQuietly(StatementCache& statements, std::string_view sql) {
    try {
        run(statements, sql);
    } catch (...) {
    }
}

template <typename F>
void runTransaction(StatementCache& statements, std::string_view begin, F&& work) {
    try {
        run(statements, begin);
    } catch (const SQLite::Exception& e) {
        throw translateSqliteError(e);
    }
    try {
        work();
        run(statements, "COMMIT");
    } catch (const SQLite::Exception& e) {
        rollbackQuietly(statements, "ROLLBACK");
        throw translateSqliteError(e);
    } catch (...) {
        rollbackQuietly(statements, "ROLLBACK");
        throw;
    }
}

}  // namespace

Database::Database(std::string path, Durability durability, int max_readers)
    : path_(std::move(path)), durability_(durability), max_readers_(max_readers) {
    try {
        writer_ = open(true);
        writer_->db->exec("PRAGMA journal_mode = WAL");
    } catch (const SQLite::Exception& e) {
        throw Error(ErrorKind::Storage, "database_open_failed",
                    "データベースを開けませんでした: " + std::string(e.what()));
    }
}

Database::~Database() {
    // Leave no WAL behind on a clean shutdown: checkpoint and truncate it.
    try {
        std::lock_guard lock(write_mutex_);
        writer_->db->exec("PRAGMA wal_checkpoint(TRUNCATE)");
    } catch (...) {
    }
}

std::unique_ptr<Database::Connection> Database::open(bool writer) const {
    int flags = writer ? (SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE) : SQLite::OPEN_READONLY;
    auto db = std::make_unique<SQLite::Database>(path_, flags | SQLITE_OPEN_NOMUTEX, 5000);
    db->exec("PRAGMA foreign_keys = ON");
    if (writer)
        db->exec(durability_ == Durability::Full ? "PRAGMA synchronous = FULL"
                                                 : "PRAGMA synchronous = NORMAL");
    return std::make_unique<Connection>(std::move(db));
}

struct Database::WriteJob {
    const std::function<void()>* work;
    bool done = false;
    std::exception_ptr error;
};

void Database::write(const std::function<void()>& work) {
    if (tl_current.owner == this) {
        if (tl_current.mode == Mode::Write) return work();  // nested write joins the outer one
        throw Error(ErrorKind::Internal, "write_in_read", "読み取り中に書き込みはできません");
    }
    auto job = std::make_shared<WriteJob>();
    job->work = &work;
    {
        std::lock_guard queue_lock(queue_mutex_);
        queue_.push_back(job);
    }
    std::lock_guard lock(write_mutex_);
    // Whoever holds the writer runs everything queued so far, ours included unless an
    // earlier leader already committed it.
    if (!job->done) {
        std::vector<std::shared_ptr<WriteJob>> group;
        {
            std::lock_guard queue_lock(queue_mutex_);
            group.swap(queue_);
        }
        runGroup(group);
    }
    if (job->error) std::rethrow_exception(job->error);
}

void Database::runGroup(std::vector<std::shared_ptr<WriteJob>>& group) {
    SQLite::Database& c = *writer_->db;
    StatementCache& statements = writer_->statements;
    ScopedTransaction scope(this, &c, &statements, Mode::Write);
    std::exception_ptr group_error;
    try {
        run(statements, "BEGIN IMMEDIATE");
        for (auto& job : group) {
            run(statements, "SAVEPOINT unit");
            try {
                (*job->work)();
                run(statements, "RELEASE unit");
            } catch (const SQLite::Exception& e) {
                job->error = std::make_exception_ptr(translateSqliteError(e));
                run(statements, "ROLLBACK TO unit");
                run(statements, "RELEASE unit");
            } catch (...) {
                job->error = std::current_exception();
                run(statements, "ROLLBACK TO unit");
                run(statements, "RELEASE unit");
            }
        }
        run(statements, "COMMIT");
    } catch (const SQLite::Exception& e) {
        group_error = std::make_exception_ptr(translateSqliteError(e));
    } catch (...) {
        group_error = std::current_exception();
    }
    if (group_error) {
        // Nothing of the group is committed: every member fails with the group's error.
        rollbackQuietly(statements, "ROLLBACK");
        for (auto& job : group)
            if (!job->error) job->error = group_error;
    }
    for (auto& job : group) job->done = true;
}

void Database::read(const std::function<void()>& work) {
    if (tl_current.owner == this) return work();  // already inside a transaction
    auto reader = checkoutReader();
    try {
        ScopedTransaction scope(this, reader->db.get(), &reader->statements, Mode::Read);
        runTransaction(reader->statements, "BEGIN", work);
    } catch (...) {
        returnReader(std::move(reader));
        throw;
    }
    returnReader(std::move(reader));
}

void Database::ping() {
    read([this] { connection().execAndGet("SELECT 1"); });
}

SQLite::Database& Database::connection() {
    if (tl_current.owner != this || !tl_current.connection)
        throw Error(ErrorKind::Internal, "no_transaction",
                    "トランザクションの外でデータベースを使おうとしました");
    return *tl_current.connection;
}

CachedStatement Database::statement(std::string_view sql) {
    if (tl_current.owner != this || !tl_current.statements)
        throw Error(ErrorKind::Internal, "no_transaction",
                    "トランザクションの外でデータベースを使おうとしました");
    return tl_current.statements->get(sql);
}

std::unique_ptr<Database::Connection> Database::checkoutReader() {
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

void Database::returnReader(std::unique_ptr<Connection> reader) {
    std::lock_guard lock(pool_mutex_);
    idle_readers_.push_back(std::move(reader));
    pool_cv_.notify_one();
}

}  // namespace rxdesk::store
