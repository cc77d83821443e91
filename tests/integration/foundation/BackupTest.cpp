#include <SQLiteCpp/Database.h>
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "app/Services.h"
#include "core/Error.h"
#include "store/Backup.h"
#include "support/TestServer.h"

using namespace rxdesk;
using namespace rxdesk::testing;

TEST(Backup, IsConsistentWhileServingAndRestorable) {
    TestServer server;
    Staff admin = server.createStaff("admin1", auth::Role::Admin);
    std::string blob_id = server.services().blobs().put("faxed prescription page");
    TestClient a = server.loggedIn(admin);

    // Keep writing audited actions while the backup runs.
    std::atomic<bool> stop{false};
    std::thread writer([&] {
        int i = 0;
        while (!stop)
            server.services().audit().record(audit::AuditEvent{"system:test", "test.write", "x",
                                                               std::to_string(++i), std::nullopt,
                                                               "local", "ok", ""});
    });
    TempDir dest;
    auto report = store::backupDataDir(server.services().database(), server.services().blobs(),
                                       server.services().fileSystem(), dest.path() + "/b");
    stop = true;
    writer.join();
    EXPECT_EQ(report.blobs, 1);

    // Restore: serve from the backup directory and use it.
    app::Settings restored = server.settings();
    restored.data_dir = dest.path() + "/b";
    ManualClock clock;
    app::Services copy(restored, clock);
    auto verify = copy.audit().verify();
    EXPECT_FALSE(verify.broken) << "the snapshot holds a whole chain";
    EXPECT_GT(verify.entries, 0);
    EXPECT_EQ(copy.blobs().get(blob_id), "faxed prescription page");
    std::optional<auth::User> user;
    copy.database().read([&] { user = copy.users().findByLogin("admin1"); });
    ASSERT_TRUE(user);
    EXPECT_EQ(user->role, auth::Role::Admin);

    EXPECT_THROW(store::backupDataDir(server.services().database(), server.services().blobs(),
                                      server.services().fileSystem(), dest.path() + "/b"),
                 Error)
        << "never overwrites an existing backup";
}
