#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <map>

#include "SpoolTestFiles.h"
#include "core/Error.h"
#include "spool/PosixSpoolFileSystem.h"
#include "support/TempDir.h"

namespace rxdesk::spool {

std::set<std::string> test::namesIn(const std::string& dir) {
    std::set<std::string> out;
    for (const auto& e : std::filesystem::directory_iterator(dir))
        out.insert(e.path().filename().string());
    return out;
}

namespace {

using namespace test;

std::string errorCode(const std::function<void()>& f) {
    try {
        f();
    } catch (const Error& e) {
        return e.code();
    }
    return "<no error>";
}

TEST(PosixSpoolFileSystem, ListsEntriesWithoutFollowingSymlinks) {
    testing::TempDir tmp;
    const auto& d = tmp.path();
    writeFile(d + "/fax1.tif", "12345");
    ASSERT_EQ(::mkdir((d + "/sub").c_str(), 0700), 0);
    ASSERT_EQ(::symlink((d + "/sub").c_str(), (d + "/link").c_str()), 0);
    ASSERT_EQ(::mkfifo((d + "/fifo").c_str(), 0600), 0);
    PosixSpoolFileSystem fs;
    std::map<std::string, SpoolEntry> by_name;
    for (auto& e : fs.list(d)) by_name[e.name] = e;
    ASSERT_EQ(by_name.size(), 4u);
    EXPECT_EQ(by_name["fax1.tif"].kind, EntryKind::Regular);
    EXPECT_EQ(by_name["fax1.tif"].size, 5u);
    EXPECT_EQ(by_name["sub"].kind, EntryKind::Directory);
    EXPECT_EQ(by_name["link"].kind, EntryKind::Symlink);
    EXPECT_EQ(by_name["fifo"].kind, EntryKind::Other);
    EXPECT_EQ(fs.stat(d + "/link")->kind, EntryKind::Symlink);
    EXPECT_FALSE(fs.stat(d + "/missing"));
    EXPECT_EQ(errorCode([&] { fs.list(d + "/missing"); }), "spool_unreadable");
}

TEST(PosixSpoolFileSystem, ReportsMtimeWithSubSecondPrecision) {
    testing::TempDir tmp;
    const auto p = tmp.path() + "/fax1.tif";
    writeFile(p, "x");
    const timespec times[2] = {{1'790'000'000, 123'456'789}, {1'790'000'000, 123'456'789}};
    ASSERT_EQ(::utimensat(AT_FDCWD, p.c_str(), times, 0), 0);
    PosixSpoolFileSystem fs;
    const auto mtime = fs.stat(p)->mtime;
    EXPECT_EQ(
        std::chrono::duration_cast<std::chrono::microseconds>(mtime.time_since_epoch()).count(),
        1'790'000'000'123'456LL);
}

TEST(PosixSpoolFileSystem, ReadRefusesSymlinksFifosAndFilesOverTheLimit) {
    testing::TempDir tmp;
    const auto& d = tmp.path();
    writeFile(d + "/secret", "outside");
    ASSERT_EQ(::symlink((d + "/secret").c_str(), (d + "/link.tif").c_str()), 0);
    ASSERT_EQ(::mkfifo((d + "/fifo.tif").c_str(), 0600), 0);
    writeFile(d + "/big.tif", std::string(101, 'x'));
    PosixSpoolFileSystem fs;
    EXPECT_EQ(errorCode([&] { fs.read(d + "/link.tif", 100); }), "not_regular_file");
    EXPECT_EQ(errorCode([&] { fs.read(d + "/fifo.tif", 100); }), "not_regular_file");
    EXPECT_EQ(errorCode([&] { fs.read(d + "/big.tif", 100); }), "too_large");
    EXPECT_EQ(fs.read(d + "/big.tif", 101), std::string(101, 'x'));
    EXPECT_FALSE(fs.read(d + "/missing.tif", 100));
}

TEST(PosixSpoolFileSystem, MoveNeverReplacesAndMovesASymlinkItself) {
    testing::TempDir tmp;
    const auto& d = tmp.path();
    writeFile(d + "/a", "a");
    writeFile(d + "/b", "b");
    PosixSpoolFileSystem fs;
    EXPECT_FALSE(fs.moveNoReplace(d + "/a", d + "/b"));
    EXPECT_EQ(readFile(d + "/a"), "a");
    EXPECT_EQ(readFile(d + "/b"), "b");
    EXPECT_TRUE(fs.moveNoReplace(d + "/a", d + "/c"));
    EXPECT_FALSE(exists(d + "/a"));
    EXPECT_EQ(readFile(d + "/c"), "a");

    ASSERT_EQ(::symlink((d + "/b").c_str(), (d + "/link").c_str()), 0);
    EXPECT_TRUE(fs.moveNoReplace(d + "/link", d + "/moved-link"));
    EXPECT_TRUE(isSymlink(d + "/moved-link"));
    EXPECT_EQ(readFile(d + "/b"), "b");
    EXPECT_EQ(errorCode([&] { fs.moveNoReplace(d + "/missing", d + "/x"); }), "move_failed");
}

TEST(PosixSpoolFileSystem, WritesAtomicallyAndCreatesDirectoriesOnce) {
    testing::TempDir tmp;
    const auto& d = tmp.path();
    PosixSpoolFileSystem fs;
    fs.createDirectory(d + "/done");
    fs.createDirectory(d + "/done");
    fs.writeAtomically(d + "/done/x.reason", "code=x\n");
    fs.writeAtomically(d + "/done/x.reason", "code=y\n");
    EXPECT_EQ(readFile(d + "/done/x.reason"), "code=y\n");
    EXPECT_EQ(namesIn(d + "/done"), (std::set<std::string>{"x.reason"}));
    writeFile(d + "/rejected", "a file");
    EXPECT_EQ(errorCode([&] { fs.createDirectory(d + "/rejected"); }), "spool_layout_invalid");
    ASSERT_EQ(::symlink("/tmp", (d + "/linked").c_str()), 0);
    EXPECT_EQ(errorCode([&] { fs.createDirectory(d + "/linked"); }), "spool_layout_invalid");
    fs.remove(d + "/done/x.reason");
    fs.remove(d + "/done/x.reason");
    EXPECT_FALSE(exists(d + "/done/x.reason"));
}

}  // namespace
}  // namespace rxdesk::spool
