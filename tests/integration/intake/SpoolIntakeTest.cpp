#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <thread>

#include "app/BackgroundJobs.h"
#include "app/SpoolIntake.h"
#include "integration/intake/IntakeFixture.h"
#include "crypto/Hashing.h"

using namespace rxdesk;
using namespace rxdesk::testing;
namespace fs = std::filesystem;

namespace {

void write(const fs::path& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary);
    out << bytes;
}

bool waitFor(const std::function<bool()>& condition) {
    for (int i = 0; i < 200; ++i) {
        if (condition()) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return false;
}

}  // namespace

TEST(SpoolIntake, AFaxDroppedInTheSpoolIsQueuedAndFiledAway) {
    TempDir spool;
    IntakeFixture f(IntakeFixture::withSettings([&](app::Settings& s) {
        s.spool.enabled = true;
        s.spool.dir = spool.path();
        s.spool.scan_interval = std::chrono::milliseconds(50);
    }));
    app::BackgroundJobs jobs(f.server.services());
    jobs.start();

    write(fs::path(spool.path()) / "fax0001.tif", f.faxOf(f.prescription()));
    write(fs::path(spool.path()) / "fax0001.tif.meta", "sender=0311112222\nreceived_at=2026-09-20T10:00:00+09:00\n");
    write(fs::path(spool.path()) / "fax0001.tif.done", "");
    write(fs::path(spool.path()) / "junk.tif", "not an image at all");
    write(fs::path(spool.path()) / "junk.tif.done", "");

    ASSERT_TRUE(waitFor([&] { return fs::exists(fs::path(spool.path()) / "done" / "fax0001.tif"); }));
    ASSERT_TRUE(waitFor([&] { return fs::exists(fs::path(spool.path()) / "rejected" / "junk.tif.reason"); }));
    jobs.stop();

    EXPECT_EQ(f.count("prescriptions"), 1);
    TestClient clerk = f.server.loggedIn(f.clerk);
    auto queue = clerk.get("/api/v1/prescriptions").json()->getArray("prescriptions");
    ASSERT_EQ(queue->size(), 1u);
    EXPECT_EQ(queue->getObject(0)->getValue<std::string>("channel"), "fax");
    EXPECT_EQ(queue->getObject(0)->getValue<std::string>("sender_fax"), "0311112222");
    std::ifstream reason(fs::path(spool.path()) / "rejected" / "junk.tif.reason");
    std::string text((std::istreambuf_iterator<char>(reason)), {});
    EXPECT_NE(text.find("code=unsupported_media_type"), std::string::npos) << text;
}

TEST(SpoolIntake, AFileHandedOverAgainAfterACrashIsNotQueuedTwice) {
    IntakeFixture f;
    auto sink = app::makeSpoolIntake(f.server.services().intake());
    spool::SpoolFile file;
    file.name = "fax0002.tif";
    file.bytes = f.faxOf(f.prescription());
    file.sha256 = crypto::sha256Hex(file.bytes);
    auto first = sink(file);
    auto again = sink(file);  // the move to done/ never happened
    EXPECT_EQ(first.kind, spool::SpoolOutcome::Kind::Accepted);
    EXPECT_EQ(again.kind, spool::SpoolOutcome::Kind::Accepted);
    EXPECT_EQ(again.prescription_id, first.prescription_id);
    EXPECT_EQ(f.count("prescriptions"), 1);
}
