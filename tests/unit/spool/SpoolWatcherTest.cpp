#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>

#include "InMemorySpoolFileSystem.h"
#include "core/Error.h"
#include "spool/SpoolWatcher.h"
#include "support/ManualClock.h"

namespace rxdesk::spool {
namespace {

using namespace std::chrono_literals;
using test::InMemorySpoolFileSystem;

const std::string kDir = "/spool";

SpoolSettings fastSettings(std::chrono::milliseconds interval) {
    SpoolSettings s;
    s.enabled = true;
    s.dir = kDir;
    s.scan_interval = interval;
    s.settle_time = 0s;
    return s;
}

/// Polls `done` for up to 5 s.
template <typename F>
bool eventually(F done) {
    for (auto until = std::chrono::steady_clock::now() + 5s;
         std::chrono::steady_clock::now() < until; std::this_thread::sleep_for(5ms))
        if (done()) return true;
    return done();
}

class Reports {
public:
    void add(const ScanReport& r) {
        std::lock_guard lock(mutex_);
        reports_.push_back(r);
    }
    std::vector<ScanReport> all() const {
        std::lock_guard lock(mutex_);
        return reports_;
    }

private:
    mutable std::mutex mutex_;
    std::vector<ScanReport> reports_;
};

TEST(SpoolWatcher, ScansRepeatedlyUntilStopped) {
    InMemorySpoolFileSystem fs;
    testing::ManualClock clock;
    std::atomic<int> handed{0};
    SpoolWatcher watcher(
        fastSettings(10ms), fs,
        [&](const SpoolFile&) {
            ++handed;
            return SpoolOutcome::accepted("rx-" + std::to_string(handed));
        },
        clock);
    watcher.start();
    fs.put(kDir + "/fax1.tif", "a", clock.now());
    ASSERT_TRUE(eventually([&] { return handed == 1; }));
    fs.put(kDir + "/fax2.tif", "b", clock.now());
    ASSERT_TRUE(eventually([&] { return handed == 2; }));
    watcher.stop();
    fs.put(kDir + "/fax3.tif", "c", clock.now());
    std::this_thread::sleep_for(50ms);
    EXPECT_EQ(handed, 2);
    EXPECT_TRUE(fs.has(kDir + "/done/fax2.tif"));
}

TEST(SpoolWatcher, StopsPromptlyEvenWithALongInterval) {
    InMemorySpoolFileSystem fs;
    testing::ManualClock clock;
    Reports reports;
    fs.put(kDir + "/fax1.tif", "a", clock.now());
    SpoolWatcher watcher(
        fastSettings(1h), fs, [](const SpoolFile&) { return SpoolOutcome::accepted("rx-1"); },
        clock, [&](const ScanReport& r) { reports.add(r); });
    watcher.start();
    ASSERT_TRUE(eventually([&] { return reports.all().size() == 1; }));
    const auto t = std::chrono::steady_clock::now();
    watcher.stop();
    EXPECT_LT(std::chrono::steady_clock::now() - t, 1s);
}

TEST(SpoolWatcher, ReportsAFailedScanAndKeepsScanning) {
    InMemorySpoolFileSystem fs;
    testing::ManualClock clock;
    Reports reports;
    fs.unreadable = true;
    SpoolWatcher watcher(
        fastSettings(10ms), fs, [](const SpoolFile&) { return SpoolOutcome::accepted("rx-1"); },
        clock,
        [&](const ScanReport& r) {
            reports.add(r);
            throw std::runtime_error("a broken logger must not stop the watcher");
        });
    watcher.start();
    ASSERT_TRUE(eventually([&] { return !reports.all().empty(); }));
    EXPECT_EQ(reports.all().front().error_code, "spool_unreadable");
    fs.unreadable = false;
    fs.put(kDir + "/fax1.tif", "a", clock.now());
    ASSERT_TRUE(eventually([&] { return fs.has(kDir + "/done/fax1.tif"); }));
}

TEST(SpoolWatcher, UsesTheInjectedClockForSettling) {
    InMemorySpoolFileSystem fs;
    testing::ManualClock clock;
    auto s = fastSettings(5ms);
    s.settle_time = 10s;
    std::atomic<int> handed{0};
    SpoolWatcher watcher(
        s, fs,
        [&](const SpoolFile&) {
            ++handed;
            return SpoolOutcome::accepted("rx-1");
        },
        clock);
    fs.put(kDir + "/fax1.tif", "a", clock.now());
    watcher.start();
    std::this_thread::sleep_for(100ms);  // many real scans, no clock time
    EXPECT_EQ(handed, 0);
    clock.advance(10s);
    EXPECT_TRUE(eventually([&] { return handed == 1; }));
}

TEST(SpoolWatcher, RefusesToStartTwiceAndCanRestartAfterStop) {
    InMemorySpoolFileSystem fs;
    testing::ManualClock clock;
    SpoolWatcher watcher(
        fastSettings(10ms), fs, [](const SpoolFile&) { return SpoolOutcome::accepted("rx-1"); },
        clock);
    watcher.start();
    EXPECT_THROW(watcher.start(), Error);
    watcher.stop();
    watcher.stop();
    EXPECT_NO_THROW(watcher.start());
}

TEST(SpoolWatcher, RejectsInvalidSettingsAtConstruction) {
    InMemorySpoolFileSystem fs;
    testing::ManualClock clock;
    auto s = fastSettings(10ms);
    s.dir.clear();
    EXPECT_THROW(SpoolWatcher(
                     s, fs, [](const SpoolFile&) { return SpoolOutcome::accepted("x"); }, clock),
                 Error);
}

}  // namespace
}  // namespace rxdesk::spool
