#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <map>
#include <mutex>
#include <thread>

#include "SpoolTestFiles.h"
#include "core/SystemClock.h"
#include "core/TokyoTime.h"
#include "spool/PosixSpoolFileSystem.h"
#include "spool/SpoolScanner.h"
#include "spool/SpoolWatcher.h"
#include "support/TempDir.h"

namespace rxdesk::spool {
namespace {

using namespace std::chrono_literals;
using namespace test;

/// Records every hand-over; accepts TIFF and PDF (by magic bytes, as the lead's intake
/// does with imaging::sniffMediaType), rejects the rest, dedupes on sha256.
class RecordingSink {
public:
    SpoolOutcome operator()(const SpoolFile& f) {
        std::lock_guard lock(mutex_);
        files_.push_back(f);
        if (f.bytes.rfind(std::string("II*\0", 4), 0) != 0 && f.bytes.rfind("%PDF-", 0) != 0)
            return SpoolOutcome::rejected("unsupported_media_type",
                                          "TIFFまたはPDFではないため取り込めません");
        auto [it, fresh] = ids_.try_emplace(f.sha256, "rx-" + std::to_string(ids_.size() + 1));
        return SpoolOutcome::accepted(it->second);
    }
    std::vector<SpoolFile> files() const {
        std::lock_guard lock(mutex_);
        return files_;
    }
    size_t count() const {
        std::lock_guard lock(mutex_);
        return files_.size();
    }

private:
    mutable std::mutex mutex_;
    std::vector<SpoolFile> files_;
    std::map<std::string, std::string> ids_;
};

template <typename F>
bool eventually(F done, std::chrono::milliseconds limit = 10s) {
    for (auto until = std::chrono::steady_clock::now() + limit;
         std::chrono::steady_clock::now() < until; std::this_thread::sleep_for(10ms))
        if (done()) return true;
    return done();
}

/// Appends `bytes` to `path` in `chunks` writes with `pause` between them, through one
/// descriptor, as a fax server writes pages while they arrive.
void writeSlowly(const std::string& path, const std::string& bytes, int chunks,
                 std::chrono::milliseconds pause) {
    FILE* f = std::fopen(path.c_str(), "wb");
    ASSERT_NE(f, nullptr);
    const size_t step = (bytes.size() + chunks - 1) / chunks;
    for (size_t off = 0; off < bytes.size(); off += step) {
        std::fwrite(bytes.data() + off, 1, std::min(step, bytes.size() - off), f);
        std::fflush(f);
        std::this_thread::sleep_for(pause);
    }
    std::fclose(f);
}

SpoolSettings settingsFor(const std::string& dir) {
    SpoolSettings s;
    s.enabled = true;
    s.dir = dir;
    s.scan_interval = 15ms;
    s.settle_time = 400ms;
    s.max_file_bytes = 4u << 20;
    return s;
}

TEST(SpoolDirectory, NeverTakesAFileWhileAWriterIsStillAppending) {
    testing::TempDir tmp;
    PosixSpoolFileSystem fs;
    SystemClock clock;
    RecordingSink sink;
    SpoolWatcher watcher(settingsFor(tmp.path()), fs, std::ref(sink), clock);
    watcher.start();
    const auto content = fakeTiff(256 * 1024);
    // 64 writes 40 ms apart: ~2.5 s of writing, each pause well under the 400 ms settle time,
    // while the watcher scans every 15 ms.
    std::thread writer(writeSlowly, tmp.path() + "/fax000123.tif", content, 64, 40ms);
    writer.join();
    ASSERT_TRUE(eventually([&] { return exists(tmp.path() + "/done/fax000123.tif"); }));
    watcher.stop();
    const auto files = sink.files();
    ASSERT_EQ(files.size(), 1u);
    EXPECT_EQ(files[0].bytes.size(), content.size());
    EXPECT_TRUE(files[0].bytes == content);
    EXPECT_EQ(readFile(tmp.path() + "/done/fax000123.tif"), content);
}

TEST(SpoolDirectory, ReadyMarkerTakesTheFileAtOnceAfterTheWriterFinished) {
    testing::TempDir tmp;
    PosixSpoolFileSystem fs;
    SystemClock clock;
    RecordingSink sink;
    auto s = settingsFor(tmp.path());
    s.settle_time = 1h;  // only the marker can make the file eligible
    SpoolWatcher watcher(s, fs, std::ref(sink), clock);
    watcher.start();
    const auto content = fakeTiff(64 * 1024);
    writeFile(tmp.path() + "/fax1.tif.meta", "sender=03-1234-5678\n");
    writeSlowly(tmp.path() + "/fax1.tif", content, 16, 20ms);
    EXPECT_EQ(sink.count(), 0u);
    writeFile(tmp.path() + "/fax1.tif.done", "");
    ASSERT_TRUE(eventually([&] { return exists(tmp.path() + "/done/fax1.tif"); }));
    watcher.stop();
    const auto files = sink.files();
    ASSERT_EQ(files.size(), 1u);
    EXPECT_TRUE(files[0].bytes == content);
    EXPECT_EQ(files[0].sender_fax, "0312345678");
    EXPECT_EQ(namesIn(tmp.path()), (std::set<std::string>{"done", "rejected"}));
    EXPECT_EQ(namesIn(tmp.path() + "/done"), (std::set<std::string>{"fax1.tif", "fax1.tif.meta"}));
}

TEST(SpoolDirectory, RenameIntoPlaceWithZeroSettleTimeTakesTheWholeFile) {
    testing::TempDir tmp;
    PosixSpoolFileSystem fs;
    SystemClock clock;
    RecordingSink sink;
    auto s = settingsFor(tmp.path());
    s.settle_time = 0ms;
    SpoolWatcher watcher(s, fs, std::ref(sink), clock);
    watcher.start();
    const auto content = fakeTiff(128 * 1024);
    writeSlowly(tmp.path() + "/fax2.tif.part", content, 32, 10ms);
    EXPECT_EQ(sink.count(), 0u);
    ASSERT_EQ(
        std::rename((tmp.path() + "/fax2.tif.part").c_str(), (tmp.path() + "/fax2.tif").c_str()),
        0);
    ASSERT_TRUE(eventually([&] { return exists(tmp.path() + "/done/fax2.tif"); }));
    watcher.stop();
    ASSERT_EQ(sink.count(), 1u);
    EXPECT_TRUE(sink.files()[0].bytes == content);
}

TEST(SpoolDirectory, FilesAcceptedToDoneAndRejectedWithReasonFiles) {
    testing::TempDir tmp;
    const auto& d = tmp.path();
    PosixSpoolFileSystem fs;
    RecordingSink sink;
    SpoolScanner scanner(settingsFor(d), fs, std::ref(sink));
    const auto t0 = *parseIso8601("2026-11-21T05:00:00Z");

    writeFile(d + "/fax1.pdf", "%PDF-1.4 fake");
    writeFile(d + "/fax1.pdf.meta", "sender=0312345678\nreceived_at=2026-11-21T13:55:00+09:00\n");
    writeFile(d + "/note.txt", "hello");
    ASSERT_EQ(::mkdir((d + "/rejected").c_str(), 0750), 0);
    writeFile(d + "/rejected/note.txt", "an earlier note");
    ASSERT_EQ(::mkdir((d + "/archive").c_str(), 0750), 0);
    writeFile(d + "/archive/old.tif", std::string("II*\0old", 7));

    scanner.scanOnce(t0);
    auto report = scanner.scanOnce(t0 + 1s);
    ASSERT_EQ(report.events.size(), 2u);
    ASSERT_EQ(sink.count(), 2u);

    EXPECT_EQ(namesIn(d), (std::set<std::string>{"archive", "done", "rejected"}));
    EXPECT_EQ(namesIn(d + "/done"), (std::set<std::string>{"fax1.pdf", "fax1.pdf.meta"}));
    EXPECT_EQ(readFile(d + "/done/fax1.pdf"), "%PDF-1.4 fake");
    EXPECT_EQ(namesIn(d + "/rejected"),
              (std::set<std::string>{"note.txt", "note-1.txt", "note-1.txt.reason"}));
    EXPECT_EQ(readFile(d + "/rejected/note.txt"), "an earlier note");
    EXPECT_EQ(readFile(d + "/rejected/note-1.txt"), "hello");
    EXPECT_EQ(readFile(d + "/rejected/note-1.txt.reason"),
              "code=unsupported_media_type\nreason=TIFFまたはPDFではないため取り込めません\n"
              "file=note.txt\nrejected_at=2026-11-21T14:00:01+09:00\n");
    EXPECT_EQ(readFile(d + "/archive/old.tif"), std::string("II*\0old", 7));

    for (const auto& f : sink.files())
        if (f.name == "fax1.pdf") {
            EXPECT_EQ(f.sender_fax, "0312345678");
            EXPECT_EQ(f.received_at, *parseIso8601("2026-11-21T04:55:00Z"));
        }
}

TEST(SpoolDirectory, SymlinkIsMovedAsALinkAndItsTargetNeverRead) {
    testing::TempDir tmp;
    testing::TempDir outside;
    const auto& d = tmp.path();
    writeFile(outside.path() + "/patients.tif", std::string("II*\0secret", 10));
    ASSERT_EQ(::symlink((outside.path() + "/patients.tif").c_str(), (d + "/fax9.tif").c_str()), 0);
    PosixSpoolFileSystem fs;
    RecordingSink sink;
    SpoolScanner scanner(settingsFor(d), fs, std::ref(sink));
    auto report = scanner.scanOnce(SystemClock().now());
    EXPECT_EQ(sink.count(), 0u);
    ASSERT_EQ(report.events.size(), 1u);
    EXPECT_EQ(report.events[0].code, "symlink_refused");
    EXPECT_TRUE(isSymlink(d + "/rejected/fax9.tif"));
    EXPECT_NE(readFile(d + "/rejected/fax9.tif.reason").find("code=symlink_refused"),
              std::string::npos);
    EXPECT_EQ(readFile(outside.path() + "/patients.tif"), std::string("II*\0secret", 10));
}

TEST(SpoolDirectory, HugeFileIsRejectedAsTooLargeWithoutWaitingOrReading) {
    testing::TempDir tmp;
    const auto& d = tmp.path();
    writeFile(d + "/huge.tif", "II*\0");
    ASSERT_EQ(::truncate((d + "/huge.tif").c_str(), 1LL << 32), 0);  // sparse 4 GiB
    PosixSpoolFileSystem fs;
    RecordingSink sink;
    SpoolScanner scanner(settingsFor(d), fs, std::ref(sink));
    auto report = scanner.scanOnce(SystemClock().now());
    EXPECT_EQ(sink.count(), 0u);
    ASSERT_EQ(report.events.size(), 1u);
    EXPECT_EQ(report.events[0].code, "too_large");
    EXPECT_TRUE(exists(d + "/rejected/huge.tif"));
    EXPECT_TRUE(exists(d + "/rejected/huge.tif.reason"));
}

}  // namespace
}  // namespace rxdesk::spool
