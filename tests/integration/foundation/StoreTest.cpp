#include <SQLiteCpp/Database.h>
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <thread>

#include "core/Error.h"
#include "store/Database.h"
#include "store/FileBlobStore.h"
#include "store/Migrator.h"
#include "store/PosixFileSystem.h"
#include "support/TempDir.h"

using namespace rxdesk;
using namespace rxdesk::store;
using rxdesk::testing::TempDir;

namespace {

std::string errorCode(const std::function<void()>& f) {
    try {
        f();
    } catch (const Error& e) {
        return e.code();
    }
    return "";
}

const std::vector<schema::Migration>& real() {
    return schema::embeddedMigrations();
}

}  // namespace

TEST(Store, AFreshDatabaseGetsEveryMigrationWithWalAndForeignKeys) {
    TempDir dir;
    Database db(dir.path() + "/rx.db");
    auto report = Migrator::migrate(db);
    EXPECT_EQ(report.from_version, 0);
    EXPECT_EQ(report.to_version, real().back().version);
    db.read([&] {
        EXPECT_EQ(db.connection().execAndGet("PRAGMA foreign_keys").getInt(), 1);
        EXPECT_EQ(db.connection().execAndGet("PRAGMA journal_mode").getString(), "wal");
    });
    EXPECT_EQ(Migrator::migrate(db).from_version, report.to_version) << "idempotent";
}

TEST(Store, AnOlderDatabaseIsUpgradedKeepingItsData) {
    TempDir dir;
    Database db(dir.path() + "/rx.db");
    Migrator::migrate(db, {real().front()});
    db.write([&] {
        db.connection().exec(
            "INSERT INTO users (login, display_name, role, password_hash, created_at) "
            "VALUES ('old', 'Old', 'clerk', 'x', 1)");
    });
    std::vector<schema::Migration> newer = real();
    newer.push_back({newer.back().version + 1, "test_add_column.sql",
                     "ALTER TABLE users ADD COLUMN nickname TEXT;"});
    auto report = Migrator::migrate(db, newer);
    EXPECT_EQ(report.from_version, 1);
    EXPECT_EQ(report.to_version, newer.back().version);
    db.read([&] {
        EXPECT_EQ(db.connection().execAndGet("SELECT login FROM users").getString(), "old");
        EXPECT_EQ(db.connection().execAndGet("SELECT COUNT(nickname) FROM users").getInt(), 0);
    });
}

TEST(Store, ADatabaseNewerThanTheBinaryIsRefused) {
    TempDir dir;
    {
        SQLite::Database raw(dir.path() + "/rx.db", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        raw.exec("PRAGMA user_version = 9999");
    }
    Database db(dir.path() + "/rx.db");
    EXPECT_EQ(errorCode([&] { Migrator::migrate(db); }), "database_too_new");
}

TEST(Store, AFailingMigrationLeavesNothingBehind) {
    TempDir dir;
    Database db(dir.path() + "/rx.db");
    std::vector<schema::Migration> broken = {
        real().front(), {2, "0002_broken.sql", "CREATE TABLE half (x); THIS IS NOT SQL;"}};
    EXPECT_EQ(errorCode([&] { Migrator::migrate(db, broken); }), "migration_failed");
    EXPECT_EQ(Migrator::currentVersion(db), 1);
    db.read([&] {
        EXPECT_EQ(db.connection()
                      .execAndGet("SELECT COUNT(*) FROM sqlite_master WHERE name = 'half'")
                      .getInt(),
                  0);
    });
}

TEST(Store, AWriteThatThrowsIsRolledBackWhole) {
    TempDir dir;
    Database db(dir.path() + "/rx.db");
    Migrator::migrate(db);
    EXPECT_THROW(db.write([&] {
        db.connection().exec(
            "INSERT INTO users (login, display_name, role, password_hash, created_at) "
            "VALUES ('a', 'A', 'clerk', 'x', 1)");
        db.write([&] {  // a nested write joins the outer transaction
            db.connection().exec(
                "INSERT INTO users (login, display_name, role, password_hash, created_at) "
                "VALUES ('b', 'B', 'clerk', 'x', 1)");
        });
        throw Error(ErrorKind::Conflict, "late_failure", "x");
    }),
                 Error);
    db.read(
        [&] { EXPECT_EQ(db.connection().execAndGet("SELECT COUNT(*) FROM users").getInt(), 0); });
    EXPECT_EQ(errorCode([&] { db.read([&] { db.write([] {}); }); }), "write_in_read");
    EXPECT_EQ(errorCode([&] { db.connection(); }), "no_transaction");
}

TEST(Store, ConstraintViolationsBecomeConflictsNotCrashes) {
    TempDir dir;
    Database db(dir.path() + "/rx.db");
    Migrator::migrate(db);
    EXPECT_EQ(errorCode([&] {
                  db.write([&] {
                      db.connection().exec(
                          "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, "
                          "last_seen_at) VALUES ('t', 42, 'c', 1, 1)");
                  });
              }),
              "constraint_violation")
        << "foreign keys are enforced";
}

TEST(Store, ConcurrentWritersAreSerialisedAndReadersSeeCommittedData) {
    TempDir dir;
    Database db(dir.path() + "/rx.db", Durability::Normal);
    Migrator::migrate(db);
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t)
        threads.emplace_back([&, t] {
            for (int i = 0; i < 25; ++i)
                db.write([&] {
                    SQLite::Statement q(
                        db.connection(),
                        "INSERT INTO users (login, display_name, role, password_hash, "
                        "created_at) VALUES (?, 'x', 'clerk', 'x', 1)");
                    q.bind(1, "u" + std::to_string(t) + "_" + std::to_string(i));
                    q.exec();
                });
        });
    for (int r = 0; r < 2; ++r)
        threads.emplace_back([&] {
            for (int i = 0; i < 50; ++i)
                db.read([&] { db.connection().execAndGet("SELECT COUNT(*) FROM users"); });
        });
    for (auto& t : threads) t.join();
    db.read(
        [&] { EXPECT_EQ(db.connection().execAndGet("SELECT COUNT(*) FROM users").getInt(), 100); });
}

TEST(BlobStore, StoresByContentHashAndDetectsCorruptionOnRead) {
    TempDir dir;
    PosixFileSystem fs;
    FileBlobStore blobs(fs, dir.path() + "/blobs");
    std::string id = blobs.put("fax page bytes");
    EXPECT_EQ(id.size(), 64u);
    EXPECT_EQ(blobs.put("fax page bytes"), id) << "idempotent";
    EXPECT_EQ(blobs.get(id), "fax page bytes");
    EXPECT_TRUE(std::filesystem::exists(blobs.pathOf(id)));

    {
        std::fstream f(blobs.pathOf(id), std::ios::in | std::ios::out | std::ios::binary);
        f.seekp(3);
        f.put('X');
    }
    EXPECT_EQ(errorCode([&] { blobs.get(id); }), "blob_corrupt");
    EXPECT_EQ(errorCode([&] { blobs.get(std::string(64, 'a')); }), "blob_not_found");
    EXPECT_EQ(errorCode([&] { blobs.get("../../etc/passwd"); }), "blob_not_found");
}

TEST(FileSystem, AFailedAtomicWriteLeavesNoFileBehind) {
    TempDir dir;
    PosixFileSystem fs;
    std::string target = dir.path() + "/occupied";
    std::filesystem::create_directories(target +
                                        "/child");  // rename onto a non-empty directory fails
    EXPECT_EQ(errorCode([&] { fs.writeAtomically(target, "data"); }), "write_failed");
    int files = 0;
    for (auto& e : std::filesystem::directory_iterator(dir.path())) files += e.is_regular_file();
    EXPECT_EQ(files, 0) << "no temporary file left";
}

TEST(Store, GroupCommitKeepsEachWritersOutcomeItsOwn) {
    TempDir dir;
    Database db(dir.path() + "/rx.db", Durability::Full);
    Migrator::migrate(db);
    std::atomic<int> failed{0}, succeeded{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 8; ++t)
        threads.emplace_back([&, t] {
            for (int i = 0; i < 20; ++i) {
                try {
                    db.write([&] {
                        SQLite::Statement q(
                            db.connection(),
                            "INSERT INTO users (login, display_name, role, password_hash, "
                            "created_at) VALUES (?, 'x', 'clerk', 'x', 1)");
                        q.bind(1, "g" + std::to_string(t) + "_" + std::to_string(i));
                        q.exec();
                        if (i % 3 == 0) throw Error(ErrorKind::Conflict, "refused", "x");
                    });
                    ++succeeded;
                } catch (const Error& e) {
                    EXPECT_EQ(e.code(), "refused");
                    ++failed;
                }
            }
        });
    for (auto& t : threads) t.join();
    EXPECT_EQ(failed.load(), 8 * 7);
    EXPECT_EQ(succeeded.load(), 8 * 13);
    db.read([&] {
        EXPECT_EQ(db.connection().execAndGet("SELECT COUNT(*) FROM users").getInt(),
                  succeeded.load())
            << "a failing unit rolled back alone; every acknowledged one committed";
    });
}

// Statements currently prepared on a connection.
int preparedStatements(SQLite::Database& c) {
    int n = 0;
    for (sqlite3_stmt* s = sqlite3_next_stmt(c.getHandle(), nullptr); s;
         s = sqlite3_next_stmt(c.getHandle(), s))
        ++n;
    return n;
}

TEST(StatementCache, PreparesEachStatementOncePerConnection) {
    TempDir dir;
    Database db(dir.path() + "/rx.db");
    db.write([&] { db.connection().exec("CREATE TABLE t (v INTEGER)"); });
    db.write([&] {
        int before = preparedStatements(db.connection());
        for (int i = 0; i < 5; ++i) db.statement("SELECT COUNT(*) FROM t")->executeStep();
        EXPECT_EQ(preparedStatements(db.connection()), before + 1)
            << "five uses, one prepared statement kept for the next";
    });
}

TEST(StatementCache, TheSameStatementUsedTwiceAtOnceGetsAFreshCopy) {
    TempDir dir;
    Database db(dir.path() + "/rx.db");
    db.write([&] {
        db.connection().exec("CREATE TABLE t (v INTEGER)");
        db.connection().exec("INSERT INTO t VALUES (1), (2)");
    });
    int pairs = 0;
    db.read([&] {
        auto outer = db.statement("SELECT v FROM t ORDER BY v");
        int with_outer = preparedStatements(db.connection());
        while (outer->executeStep()) {
            auto inner = db.statement("SELECT v FROM t ORDER BY v");
            EXPECT_EQ(preparedStatements(db.connection()), with_outer + 1);
            while (inner->executeStep()) ++pairs;
        }
        EXPECT_EQ(preparedStatements(db.connection()), with_outer) << "the copy was finalized";
    });
    EXPECT_EQ(pairs, 4) << "the nested use did not disturb the outer one";
}

TEST(StatementCache, BindingsAndProgressDoNotLeakIntoTheNextUse) {
    TempDir dir;
    Database db(dir.path() + "/rx.db");
    db.write([&] {
        db.connection().exec("CREATE TABLE t (v INTEGER)");
        db.connection().exec("INSERT INTO t VALUES (1), (2), (3)");
    });
    const char* sql = "SELECT COUNT(*) FROM t WHERE v >= ?";
    db.read([&] {
        auto q = db.statement(sql);
        q->bind(1, 2);
        ASSERT_TRUE(q->executeStep());
        EXPECT_EQ(q->getColumn(0).getInt(), 2);
    });
    db.read([&] {
        auto q = db.statement(sql);  // unbound parameter is NULL: nothing is >= NULL
        ASSERT_TRUE(q->executeStep());
        EXPECT_EQ(q->getColumn(0).getInt(), 0);
    });
}

TEST(StatementCache, AStatementThatFailedIsUsableAgain) {
    TempDir dir;
    Database db(dir.path() + "/rx.db");
    db.write([&] { db.connection().exec("CREATE TABLE t (v INTEGER UNIQUE)"); });
    const char* sql = "INSERT INTO t VALUES (?)";
    db.write([&] {
        auto q = db.statement(sql);
        q->bind(1, 1);
        q->exec();
    });
    EXPECT_THROW(db.write([&] {
        auto q = db.statement(sql);
        q->bind(1, 1);
        q->exec();
    }),
                 Error);
    db.write([&] {
        auto q = db.statement(sql);
        q->bind(1, 2);
        q->exec();
    });
    db.read([&] { EXPECT_EQ(db.connection().execAndGet("SELECT COUNT(*) FROM t").getInt(), 2); });
}

TEST(StatementCache, IsOnlyAvailableInsideATransaction) {
    TempDir dir;
    Database db(dir.path() + "/rx.db");
    EXPECT_THROW(db.statement("SELECT 1"), Error);
}
