#pragma once

#include <SQLiteCpp/Database.h>

#include <condition_variable>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "core/Transactor.h"
#include "store/CachedStatement.h"

namespace rxdesk::store {

/// How hard a commit waits for the disk. Full survives power loss; Normal (WAL) survives a
/// crash of the process (kill -9) but may lose the last commits on power loss.
enum class Durability { Full, Normal };

/// A SQLite database in WAL mode: one writer connection and a pool of reader connections.
/// Implements Transactor: repositories call `connection()` to get the connection of the
/// transaction running on the current thread.
///
/// Writes use group commit: writers that arrive while a commit is under way queue up, and
/// the next one to get the writer connection runs every queued unit of work in one
/// transaction, each inside its own SAVEPOINT (a unit that throws is rolled back alone and
/// its caller gets the exception), then commits once — one disk flush for the whole group.
/// Each caller returns only after the commit that holds its work succeeded.
class Database : public Transactor {
public:
    /// Opens (creating if needed) the file. Does not migrate: see Migrator.
    explicit Database(std::string path, Durability durability = Durability::Full,
                      int max_readers = 8);
    ~Database() override;

    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    void write(const std::function<void()>& work) override;
    void read(const std::function<void()>& work) override;

    /// Answers when the database does (a trivial read); throws Error(Storage) otherwise.
    /// For readiness probes.
    void ping();

    /// The connection of the transaction open on this thread. Throws Error(Internal) when
    /// called outside read() or write().
    SQLite::Database& connection();

    /// A statement on the connection of the transaction open on this thread, prepared once
    /// per connection and reused (see StatementCache). For fixed SQL text; same rules as
    /// connection().
    CachedStatement statement(std::string_view sql);

    /// The writer connection, for migrations and backups (callers hold no transaction).
    template <typename F>
    auto withWriter(F&& f) {
        std::lock_guard lock(write_mutex_);
        return f(*writer_->db);
    }

    const std::string& path() const { return path_; }

private:
    /// A connection and the statements prepared on it (finalized before it closes).
    struct Connection {
        explicit Connection(std::unique_ptr<SQLite::Database> opened)
            : db(std::move(opened)), statements(*db) {}
        std::unique_ptr<SQLite::Database> db;
        StatementCache statements;
    };
    struct WriteJob;
    void runGroup(std::vector<std::shared_ptr<WriteJob>>& group);
    std::unique_ptr<Connection> open(bool writer) const;
    std::unique_ptr<Connection> checkoutReader();
    void returnReader(std::unique_ptr<Connection> reader);

    std::string path_;
    Durability durability_;
    int max_readers_;
    std::mutex write_mutex_;
    std::unique_ptr<Connection> writer_;
    std::mutex queue_mutex_;
    std::vector<std::shared_ptr<WriteJob>> queue_;
    std::mutex pool_mutex_;
    std::condition_variable pool_cv_;
    std::vector<std::unique_ptr<Connection>> idle_readers_;
    int open_readers_ = 0;
};

}  // namespace rxdesk::store
