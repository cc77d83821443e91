#include <gtest/gtest.h>

#include <map>

#include "InMemorySpoolFileSystem.h"
#include "core/Error.h"
#include "core/TokyoTime.h"
#include "crypto/Hashing.h"
#include "spool/SpoolScanner.h"

namespace rxdesk::spool {
namespace {

using namespace std::chrono_literals;
using test::InMemorySpoolFileSystem;

const std::string kDir = "/spool";
const TimePoint kT0 = *parseIso8601("2026-11-21T05:00:00Z");

/// The intake as the lead will build it: one prescription per sha256, whatever the number
/// of hand-overs. `answer` decides outcomes for files not seen before.
struct FakeIntake {
    std::vector<SpoolFile> calls;
    std::map<std::string, std::string> by_sha;
    std::function<SpoolOutcome(const SpoolFile&)> answer;

    SpoolOutcome operator()(const SpoolFile& f) {
        calls.push_back(f);
        if (auto it = by_sha.find(f.sha256); it != by_sha.end())
            return SpoolOutcome::accepted(it->second);
        if (answer) {
            auto o = answer(f);
            if (o.kind != SpoolOutcome::Kind::Accepted) return o;
        }
        auto id = "rx-" + std::to_string(by_sha.size() + 1);
        by_sha[f.sha256] = id;
        return SpoolOutcome::accepted(id);
    }
};

class SpoolScannerTest : public ::testing::Test {
protected:
    SpoolSettings settings() const {
        SpoolSettings s;
        s.enabled = true;
        s.dir = kDir;
        s.settle_time = 10s;
        s.max_file_bytes = 1000;
        s.max_attempts = 3;
        return s;
    }
    SpoolScanner makeScanner(SpoolSettings s) {
        return SpoolScanner(std::move(s), fs, [this](const SpoolFile& f) { return intake(f); });
    }
    void put(const std::string& name, std::string bytes, TimePoint mtime = kT0) {
        fs.put(kDir + "/" + name, std::move(bytes), mtime);
    }
    static std::string path(const std::string& rel) { return kDir + "/" + rel; }

    InMemorySpoolFileSystem fs;
    FakeIntake intake;
};

TEST_F(SpoolScannerTest, DoesNotTakeAFileOnTheFirstScanThatSeesIt) {
    auto scanner = makeScanner(settings());
    put("fax1.tif", "II*\0page");
    auto report = scanner.scanOnce(kT0 + 1h);
    EXPECT_TRUE(intake.calls.empty());
    EXPECT_EQ(report.waiting, 1);
    EXPECT_TRUE(fs.has(path("fax1.tif")));
}

TEST_F(SpoolScannerTest, TakesAFileWhoseSizeAndMtimeStayedUnchangedForTheSettleTime) {
    auto scanner = makeScanner(settings());
    put("fax1.tif", "II*.page");
    scanner.scanOnce(kT0);
    scanner.scanOnce(kT0 + 9s);
    EXPECT_TRUE(intake.calls.empty()) << "9 s < settle time";
    auto report = scanner.scanOnce(kT0 + 10s);
    ASSERT_EQ(intake.calls.size(), 1u);
    EXPECT_EQ(intake.calls[0].name, "fax1.tif");
    EXPECT_EQ(intake.calls[0].bytes, "II*.page");
    ASSERT_EQ(report.events.size(), 1u);
    EXPECT_EQ(report.events[0].action, SpoolAction::Accepted);
    EXPECT_EQ(report.events[0].prescription_id, "rx-1");
}

TEST_F(SpoolScannerTest, RestartsSettlingWhenSizeOrMtimeChanges) {
    struct Case {
        const char* what;
        std::string bytes;
        TimePoint mtime;
    } cases[] = {
        {"size", "II*.page+more", kT0},
        {"mtime", "II*.page", kT0 + 1s},
    };
    for (const auto& c : cases) {
        InMemorySpoolFileSystem local;
        FakeIntake sink;
        SpoolScanner scanner(settings(), local, [&](const SpoolFile& f) { return sink(f); });
        local.put(path("fax1.tif"), "II*.page", kT0);
        scanner.scanOnce(kT0);
        local.put(path("fax1.tif"), c.bytes, c.mtime);
        scanner.scanOnce(kT0 + 8s);
        scanner.scanOnce(kT0 + 12s);
        EXPECT_TRUE(sink.calls.empty()) << c.what << " changed 8 s in: only 4 s settled";
        scanner.scanOnce(kT0 + 18s);
        ASSERT_EQ(sink.calls.size(), 1u) << c.what;
        EXPECT_EQ(sink.calls[0].bytes, c.bytes) << c.what;
    }
}

TEST_F(SpoolScannerTest, SidecarChangeRestartsSettling) {
    auto scanner = makeScanner(settings());
    put("fax1.tif", "II*.page");
    put("fax1.tif.meta", "sender=0312345678\n");
    scanner.scanOnce(kT0);
    put("fax1.tif.meta", "sender=0312345678\nreceived_at=2026-11-21T13:59:00+09:00\n", kT0 + 5s);
    scanner.scanOnce(kT0 + 10s);
    EXPECT_TRUE(intake.calls.empty());
    scanner.scanOnce(kT0 + 20s);
    ASSERT_EQ(intake.calls.size(), 1u);
    EXPECT_EQ(intake.calls[0].received_at, *parseIso8601("2026-11-21T04:59:00Z"));
}

TEST_F(SpoolScannerTest, ReadyMarkerMakesAFileEligibleAtOnceAndIsRemoved) {
    auto scanner = makeScanner(settings());
    put("fax1.tif", "II*.page");
    put("fax1.tif.done", "");
    auto report = scanner.scanOnce(kT0);
    ASSERT_EQ(intake.calls.size(), 1u);
    EXPECT_EQ(report.events.at(0).action, SpoolAction::Accepted);
    EXPECT_FALSE(fs.has(path("fax1.tif.done")));
    EXPECT_EQ(fs.names(kDir), (std::set<std::string>{"done", "rejected"}));
}

TEST_F(SpoolScannerTest, SettleTimeZeroTakesAFileOnFirstSight) {
    auto s = settings();
    s.settle_time = 0s;
    auto scanner = makeScanner(s);
    put("fax1.tif", "II*.page");
    scanner.scanOnce(kT0);
    EXPECT_EQ(intake.calls.size(), 1u);
}

TEST_F(SpoolScannerTest, NeverLooksAtFilesBeingWrittenControlFilesOrSubdirectories) {
    auto scanner = makeScanner(settings());
    put(".fax1.tif", "II*.page");
    put("fax2.tif.tmp", "II*.page");
    put("fax3.tif.part", "II*.page");
    put("orphan.tif.meta", "sender=0312345678");
    put("orphan.tif.done", "");
    fs.mkdir(path("sub"));
    put("sub/fax4.tif", "II*.page");
    put("sub/fax4.tif.done", "");
    auto s1 = scanner.scanOnce(kT0);
    auto s2 = scanner.scanOnce(kT0 + 1h);
    EXPECT_TRUE(intake.calls.empty());
    EXPECT_TRUE(s2.events.empty());
    EXPECT_EQ(s2.waiting, 0);
    EXPECT_TRUE(fs.reads.empty());
    EXPECT_TRUE(fs.has(path("sub/fax4.tif")));
}

TEST_F(SpoolScannerTest, EmptyFileIsTakenOnlyWithAMarker) {
    auto scanner = makeScanner(settings());
    put("fax1.tif", "");
    scanner.scanOnce(kT0);
    auto report = scanner.scanOnce(kT0 + 1h);
    EXPECT_TRUE(intake.calls.empty());
    EXPECT_EQ(report.waiting, 1);
    put("fax1.tif.done", "");
    scanner.scanOnce(kT0 + 2h);
    ASSERT_EQ(intake.calls.size(), 1u);
    EXPECT_EQ(intake.calls[0].bytes, "");
}

TEST_F(SpoolScannerTest, HandsOverSha256SenderAndReceivedAtFromTheSidecar) {
    auto scanner = makeScanner(settings());
    put("fax1.tif", "abc", kT0 - 2min);
    put("fax1.tif.meta", "sender=03-1234-5678\nreceived_at=2026-11-21T13:58:00+09:00\n");
    put("fax1.tif.done", "");
    scanner.scanOnce(kT0);
    ASSERT_EQ(intake.calls.size(), 1u);
    const auto& f = intake.calls[0];
    EXPECT_EQ(f.sha256, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    EXPECT_EQ(f.sender_fax, "0312345678");
    EXPECT_EQ(f.received_at, *parseIso8601("2026-11-21T04:58:00Z"));
    EXPECT_EQ(f.received_at_source, ReceivedAtSource::Sidecar);
    EXPECT_EQ(f.attempt, 1);
}

TEST_F(SpoolScannerTest, FallsBackToMtimeAndReportsABrokenSidecar) {
    auto scanner = makeScanner(settings());
    put("fax1.tif", "abc", kT0 - 2min);
    put("fax1.tif.meta", "sender=unknown\nreceived_at=soon\n");
    put("fax1.tif.done", "");
    auto report = scanner.scanOnce(kT0);
    ASSERT_EQ(intake.calls.size(), 1u);
    EXPECT_FALSE(intake.calls[0].sender_fax);
    EXPECT_EQ(intake.calls[0].received_at, kT0 - 2min);
    EXPECT_EQ(intake.calls[0].received_at_source, ReceivedAtSource::FileMtime);
    EXPECT_EQ(report.events.at(0).action, SpoolAction::Accepted);
    EXPECT_EQ(report.events.at(0).warnings,
              (std::vector<std::string>{"sidecar_invalid_sender", "sidecar_invalid_received_at"}));
}

TEST_F(SpoolScannerTest, SymlinkedSidecarIsNotReadButTheFaxIsStillTaken) {
    auto scanner = makeScanner(settings());
    put("fax1.tif", "abc");
    fs.putSymlink(path("fax1.tif.meta"), kT0);
    put("fax1.tif.done", "");
    auto report = scanner.scanOnce(kT0);
    ASSERT_EQ(intake.calls.size(), 1u);
    EXPECT_FALSE(intake.calls[0].sender_fax);
    EXPECT_EQ(fs.reads, (std::vector<std::string>{path("fax1.tif")}));
    EXPECT_EQ(report.events.at(0).warnings, (std::vector<std::string>{"sidecar_not_regular_file"}));
}

TEST_F(SpoolScannerTest, AcceptedFileMovesToDoneWithItsSidecar) {
    auto scanner = makeScanner(settings());
    put("fax1.tif", "abc");
    put("fax1.tif.meta", "sender=0312345678\n");
    put("fax1.tif.done", "");
    auto report = scanner.scanOnce(kT0);
    EXPECT_EQ(report.events.at(0).filed_as, "fax1.tif");
    EXPECT_EQ(fs.names(path("done")), (std::set<std::string>{"fax1.tif", "fax1.tif.meta"}));
    EXPECT_EQ(fs.contents(path("done/fax1.tif")), "abc");
    EXPECT_EQ(fs.names(kDir), (std::set<std::string>{"done", "rejected"}));
}

TEST_F(SpoolScannerTest, RejectedFileMovesToRejectedWithAReasonFile) {
    intake.answer = [](const SpoolFile&) {
        return SpoolOutcome::rejected("unsupported_media_type", "TIFFまたはPDFではありません");
    };
    auto scanner = makeScanner(settings());
    put("fax1.tif", "not a fax");
    put("fax1.tif.meta", "sender=0312345678\n");
    put("fax1.tif.done", "");
    auto report = scanner.scanOnce(kT0);
    ASSERT_EQ(report.events.size(), 1u);
    EXPECT_EQ(report.events[0].action, SpoolAction::Rejected);
    EXPECT_EQ(report.events[0].code, "unsupported_media_type");
    EXPECT_EQ(fs.names(path("rejected")),
              (std::set<std::string>{"fax1.tif", "fax1.tif.meta", "fax1.tif.reason"}));
    EXPECT_EQ(fs.contents(path("rejected/fax1.tif.reason")),
              "code=unsupported_media_type\nreason=TIFFまたはPDFではありません\nfile=fax1.tif\n"
              "rejected_at=2026-11-21T14:00:00+09:00\n");
    EXPECT_TRUE(fs.names(path("done")).empty());
}

TEST_F(SpoolScannerTest, RetryLaterLeavesTheFileAndRetriesOnTheNextScan) {
    int busy = 1;
    intake.answer = [&](const SpoolFile&) {
        return busy-- > 0 ? SpoolOutcome::retryLater("database_busy")
                          : SpoolOutcome::accepted("new");
    };
    auto scanner = makeScanner(settings());
    put("fax1.tif", "abc");
    put("fax1.tif.done", "");
    auto first = scanner.scanOnce(kT0);
    ASSERT_EQ(first.events.size(), 1u);
    EXPECT_EQ(first.events[0].action, SpoolAction::Deferred);
    EXPECT_EQ(first.events[0].code, "database_busy");
    EXPECT_TRUE(fs.has(path("fax1.tif")));
    auto second = scanner.scanOnce(kT0 + 5s);
    ASSERT_EQ(intake.calls.size(), 2u);
    EXPECT_EQ(intake.calls[1].attempt, 2);
    EXPECT_EQ(second.events.at(0).action, SpoolAction::Accepted);
    EXPECT_TRUE(fs.has(path("done/fax1.tif")));
}

TEST_F(SpoolScannerTest, RejectsAfterMaxAttemptsOfRetryLater) {
    intake.answer = [](const SpoolFile&) { return SpoolOutcome::retryLater("database_busy"); };
    auto scanner = makeScanner(settings());  // max_attempts = 3
    put("fax1.tif", "abc");
    put("fax1.tif.done", "");
    scanner.scanOnce(kT0);
    scanner.scanOnce(kT0 + 5s);
    auto third = scanner.scanOnce(kT0 + 10s);
    EXPECT_EQ(intake.calls.size(), 3u);
    ASSERT_EQ(third.events.size(), 1u);
    EXPECT_EQ(third.events[0].action, SpoolAction::Rejected);
    EXPECT_EQ(third.events[0].code, "too_many_attempts");
    EXPECT_EQ(third.events[0].attempt, 3);
    const auto reason = fs.contents(path("rejected/fax1.tif.reason"));
    EXPECT_NE(reason.find("code=too_many_attempts\n"), std::string::npos) << reason;
    EXPECT_NE(reason.find("database_busy"), std::string::npos) << reason;
}

TEST_F(SpoolScannerTest, SinkExceptionCountsAsRetryWithItsCode) {
    int calls = 0;
    intake.answer = [&](const SpoolFile&) -> SpoolOutcome {
        if (++calls == 1) throw Error(ErrorKind::Storage, "database_locked", "locked");
        throw std::runtime_error("patient 山田太郎");  // message must not reach the report
    };
    auto scanner = makeScanner(settings());
    put("fax1.tif", "abc");
    put("fax1.tif.done", "");
    auto first = scanner.scanOnce(kT0);
    auto second = scanner.scanOnce(kT0 + 5s);
    EXPECT_EQ(first.events.at(0).action, SpoolAction::Deferred);
    EXPECT_EQ(first.events.at(0).code, "database_locked");
    EXPECT_EQ(second.events.at(0).code, "sink_failed");
    EXPECT_TRUE(fs.has(path("fax1.tif")));
}

TEST_F(SpoolScannerTest, SuffixesTheNameWhenDoneOrRejectedAlreadyHoldsIt) {
    auto scanner = makeScanner(settings());
    fs.mkdir(path("done"));
    put("done/fax1.tif", "older");
    put("done/fax1-1.tif.meta", "orphan sidecar");  // the sidecar's name counts too
    put("fax1.tif", "abc");
    put("fax1.tif.meta", "sender=0312345678");
    put("fax1.tif.done", "");
    auto report = scanner.scanOnce(kT0);
    EXPECT_EQ(report.events.at(0).filed_as, "fax1-2.tif");
    EXPECT_EQ(fs.contents(path("done/fax1.tif")), "older");
    EXPECT_EQ(fs.contents(path("done/fax1-2.tif")), "abc");
    EXPECT_EQ(fs.contents(path("done/fax1-2.tif.meta")), "sender=0312345678");
}

TEST_F(SpoolScannerTest, SuffixesTheNameWhenOnlyAReasonFileHoldsIt) {
    intake.answer = [](const SpoolFile&) { return SpoolOutcome::rejected("x", "理由"); };
    auto scanner = makeScanner(settings());
    fs.mkdir(path("rejected"));
    put("rejected/fax1.tif.reason", "code=older\n");
    put("fax1.tif", "abc");
    put("fax1.tif.done", "");
    auto report = scanner.scanOnce(kT0);
    EXPECT_EQ(report.events.at(0).filed_as, "fax1-1.tif");
    EXPECT_EQ(fs.contents(path("rejected/fax1.tif.reason")), "code=older\n");
    EXPECT_TRUE(fs.has(path("rejected/fax1-1.tif.reason")));
}

TEST_F(SpoolScannerTest, RefusesSymlinksAndOtherSpecialFilesWithoutReadingThem) {
    auto scanner = makeScanner(settings());
    fs.putSymlink(path("fax1.tif"), kT0);
    fs.putFifo(path("fax2.tif"), kT0);
    auto report = scanner.scanOnce(kT0);
    EXPECT_TRUE(intake.calls.empty());
    EXPECT_TRUE(fs.reads.empty());
    ASSERT_EQ(report.events.size(), 2u);
    std::map<std::string, std::string> codes;
    for (const auto& e : report.events) {
        EXPECT_EQ(e.action, SpoolAction::Rejected) << e.name;
        codes[e.name] = e.code;
    }
    EXPECT_EQ(codes["fax1.tif"], "symlink_refused");
    EXPECT_EQ(codes["fax2.tif"], "not_regular_file");
    EXPECT_TRUE(fs.has(path("rejected/fax1.tif")));
    EXPECT_TRUE(fs.has(path("rejected/fax1.tif.reason")));
    EXPECT_TRUE(fs.has(path("rejected/fax2.tif")));
}

TEST_F(SpoolScannerTest, RejectsTooLargeFilesAtOnceWithoutReadingThem) {
    auto scanner = makeScanner(settings());  // max_file_bytes = 1000
    put("big.tif", std::string(1001, 'x'));
    put("fits.tif", std::string(1000, 'x'));
    auto report = scanner.scanOnce(kT0);
    EXPECT_TRUE(fs.reads.empty());
    ASSERT_EQ(report.events.size(), 1u);
    EXPECT_EQ(report.events[0].name, "big.tif");
    EXPECT_EQ(report.events[0].code, "too_large");
    EXPECT_EQ(report.waiting, 1);
    const auto reason = fs.contents(path("rejected/big.tif.reason"));
    EXPECT_NE(reason.find("code=too_large\n"), std::string::npos) << reason;
    scanner.scanOnce(kT0 + 10s);
    EXPECT_EQ(intake.calls.size(), 1u);
}

TEST_F(SpoolScannerTest, DoesNotTakeAFileThatChangedWhileItWasRead) {
    auto scanner = makeScanner(settings());
    put("fax1.tif", "II*.page1");
    put("fax1.tif.done", "");  // marker written too early by a buggy gateway
    fs.before_read = [&](const std::string& p) {
        if (p == path("fax1.tif") && fs.contents(p) == "II*.page1")
            fs.put(p, "II*.page1page2", kT0 + 1s);
    };
    auto report = scanner.scanOnce(kT0);
    EXPECT_TRUE(intake.calls.empty());
    EXPECT_EQ(report.waiting, 1);
    scanner.scanOnce(kT0 + 2s);
    ASSERT_EQ(intake.calls.size(), 1u);
    EXPECT_EQ(intake.calls[0].bytes, "II*.page1page2");
}

TEST_F(SpoolScannerTest, CrashBetweenAcceptAndMoveHandsTheSameSha256AgainAndIntakeDedupes) {
    put("fax1.tif", "II*.page");
    put("fax1.tif.meta", "sender=0312345678");
    {
        auto scanner = makeScanner(settings());
        fs.failing_moves = 1;  // the server dies while filing away
        scanner.scanOnce(kT0);
        auto report = scanner.scanOnce(kT0 + 10s);
        ASSERT_EQ(report.events.size(), 1u);
        EXPECT_EQ(report.events[0].action, SpoolAction::Failed);
        EXPECT_EQ(report.events[0].prescription_id, "rx-1");
        EXPECT_EQ(report.events[0].code, "move_failed");
    }
    EXPECT_TRUE(fs.has(path("fax1.tif")));
    auto restarted = makeScanner(settings());  // fresh memory, as after a restart
    restarted.scanOnce(kT0 + 1min);
    auto report = restarted.scanOnce(kT0 + 2min);
    ASSERT_EQ(intake.calls.size(), 2u);
    EXPECT_EQ(intake.calls[0].sha256, intake.calls[1].sha256);
    EXPECT_EQ(intake.by_sha.size(), 1u) << "one prescription only";
    EXPECT_EQ(report.events.at(0).action, SpoolAction::Accepted);
    EXPECT_EQ(report.events.at(0).prescription_id, "rx-1");
    EXPECT_EQ(fs.names(path("done")), (std::set<std::string>{"fax1.tif", "fax1.tif.meta"}));
}

TEST_F(SpoolScannerTest, HandsOverOldestFirstAndAtMostMaxFilesPerScan) {
    auto s = settings();
    s.max_files_per_scan = 2;
    auto scanner = makeScanner(s);
    put("c.tif", "c", kT0 - 3min);
    put("a.tif", "a", kT0 - 1min);
    put("b.tif", "b", kT0 - 2min);
    for (auto n : {"a.tif", "b.tif", "c.tif"}) put(std::string(n) + ".done", "");
    auto first = scanner.scanOnce(kT0);
    ASSERT_EQ(intake.calls.size(), 2u);
    EXPECT_EQ(intake.calls[0].name, "c.tif");
    EXPECT_EQ(intake.calls[1].name, "b.tif");
    EXPECT_EQ(first.waiting, 1);
    scanner.scanOnce(kT0 + 1s);
    ASSERT_EQ(intake.calls.size(), 3u);
    EXPECT_EQ(intake.calls[2].name, "a.tif");
}

TEST_F(SpoolScannerTest, ThrowsWhenTheDirectoryCannotBeListedOrLaidOut) {
    auto scanner = makeScanner(settings());
    fs.unreadable = true;
    try {
        scanner.scanOnce(kT0);
        ADD_FAILURE();
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), "spool_unreadable");
    }
    fs.unreadable = false;
    put("done", "a file where the directory should be");
    try {
        scanner.scanOnce(kT0);
        ADD_FAILURE();
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), "spool_layout_invalid");
    }
}

}  // namespace
}  // namespace rxdesk::spool
