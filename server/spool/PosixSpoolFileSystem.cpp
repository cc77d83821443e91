#include "spool/PosixSpoolFileSystem.h"

#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <memory>
#include <random>

#include "core/Error.h"

namespace rxdesk::spool {
namespace {

struct FdCloser {
    int fd;
    ~FdCloser() {
        if (fd >= 0) ::close(fd);
    }
};

std::string parentOf(const std::string& path) {
    const auto slash = path.rfind('/');
    if (slash == std::string::npos) return ".";
    if (slash == 0) return "/";
    return path.substr(0, slash);
}

std::string baseOf(const std::string& path) {
    const auto slash = path.rfind('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

void syncDirectory(const std::string& dir) {
    int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return;
    ::fsync(fd);
    ::close(fd);
}

SpoolEntry toEntry(std::string name, const struct stat& st) {
    SpoolEntry e;
    e.name = std::move(name);
    if (S_ISREG(st.st_mode))
        e.kind = EntryKind::Regular;
    else if (S_ISDIR(st.st_mode))
        e.kind = EntryKind::Directory;
    else if (S_ISLNK(st.st_mode))
        e.kind = EntryKind::Symlink;
    else
        e.kind = EntryKind::Other;
    e.size = static_cast<std::uint64_t>(st.st_size);
    const auto since_epoch =
        std::chrono::seconds{st.st_mtim.tv_sec} + std::chrono::nanoseconds{st.st_mtim.tv_nsec};
    e.mtime = TimePoint{std::chrono::duration_cast<TimePoint::duration>(since_epoch)};
    return e;
}

[[noreturn]] void throwWriteError(int err) {
    if (err == ENOSPC || err == EDQUOT)
        throw Error(ErrorKind::Storage, "disk_full",
                    "ディスクの空きがないため保存できませんでした");
    throw Error(ErrorKind::Storage, "write_failed", "ファイルの書き込みに失敗しました");
}

}  // namespace

std::vector<SpoolEntry> PosixSpoolFileSystem::list(const std::string& dir) {
    std::unique_ptr<DIR, int (*)(DIR*)> d(::opendir(dir.c_str()), ::closedir);
    if (!d)
        throw Error(ErrorKind::Storage, "spool_unreadable", "the spool directory cannot be read");
    const int dfd = ::dirfd(d.get());
    std::vector<SpoolEntry> out;
    errno = 0;
    while (const dirent* ent = ::readdir(d.get())) {
        const std::string name = ent->d_name;
        if (name == "." || name == "..") continue;
        struct stat st {};
        // Gone between readdir and stat: simply not there any more.
        if (::fstatat(dfd, ent->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0) continue;
        out.push_back(toEntry(name, st));
    }
    return out;
}

std::optional<SpoolEntry> PosixSpoolFileSystem::stat(const std::string& path) {
    struct stat st {};
    if (::lstat(path.c_str(), &st) != 0) return std::nullopt;
    return toEntry(baseOf(path), st);
}

std::optional<std::string> PosixSpoolFileSystem::read(const std::string& path,
                                                      std::uint64_t max_bytes) {
    // O_NONBLOCK keeps a FIFO that slipped in from blocking the open; O_NOFOLLOW refuses a
    // symlink swapped in after the listing.
    const int fd = ::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        if (errno == ENOENT) return std::nullopt;
        if (errno == ELOOP)
            throw Error(ErrorKind::Forbidden, "not_regular_file", "refusing to follow a symlink");
        throw Error(ErrorKind::Storage, "read_failed", "ファイルの読み込みに失敗しました");
    }
    FdCloser closer{fd};
    struct stat st {};
    if (::fstat(fd, &st) != 0)
        throw Error(ErrorKind::Storage, "read_failed", "ファイルの読み込みに失敗しました");
    if (!S_ISREG(st.st_mode))
        throw Error(ErrorKind::Forbidden, "not_regular_file", "not a regular file");
    if (static_cast<std::uint64_t>(st.st_size) > max_bytes)
        throw Error(ErrorKind::PayloadTooLarge, "too_large", "file over the size limit");

    std::string out;
    out.reserve(static_cast<size_t>(st.st_size));
    char buf[64 * 1024];
    // The file may grow after fstat: stop one byte past the limit.
    while (out.size() <= max_bytes) {
        const auto want = std::min<std::uint64_t>(sizeof buf, max_bytes + 1 - out.size());
        const ssize_t n = ::read(fd, buf, static_cast<size_t>(want));
        if (n < 0) {
            if (errno == EINTR) continue;
            throw Error(ErrorKind::Storage, "read_failed", "ファイルの読み込みに失敗しました");
        }
        if (n == 0) break;
        out.append(buf, static_cast<size_t>(n));
    }
    if (out.size() > max_bytes)
        throw Error(ErrorKind::PayloadTooLarge, "too_large", "file over the size limit");
    return out;
}

bool PosixSpoolFileSystem::moveNoReplace(const std::string& from, const std::string& to) {
    if (::renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), RENAME_NOREPLACE) != 0) {
        if (errno == EEXIST) return false;
        if (errno != EINVAL && errno != ENOSYS)
            throw Error(ErrorKind::Storage, "move_failed", "ファイルの移動に失敗しました");
        // File systems without RENAME_NOREPLACE: link() refuses an existing target too.
        // linkat without AT_SYMLINK_FOLLOW links a symlink itself, not its target.
        if (::linkat(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), 0) != 0) {
            if (errno == EEXIST) return false;
            throw Error(ErrorKind::Storage, "move_failed", "ファイルの移動に失敗しました");
        }
        if (::unlink(from.c_str()) != 0 && errno != ENOENT)
            throw Error(ErrorKind::Storage, "move_failed", "ファイルの移動に失敗しました");
    }
    syncDirectory(parentOf(to));
    syncDirectory(parentOf(from));
    return true;
}

void PosixSpoolFileSystem::writeAtomically(const std::string& path, std::string_view bytes) {
    static thread_local std::mt19937_64 rng{std::random_device{}()};
    // A dot name: never mistaken for a document, even if written into the incoming dir.
    const std::string temp =
        parentOf(path) + "/." + baseOf(path) + ".tmp-" + std::to_string(rng() % 1'000'000'000);
    const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0640);
    if (fd < 0) throwWriteError(errno);
    size_t written = 0;
    while (written < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
        if (n < 0) {
            if (errno == EINTR) continue;
            const int err = errno;
            ::close(fd);
            ::unlink(temp.c_str());
            throwWriteError(err);
        }
        written += static_cast<size_t>(n);
    }
    if (::fsync(fd) != 0 || ::close(fd) != 0) {
        const int err = errno;
        ::unlink(temp.c_str());
        throwWriteError(err);
    }
    if (::rename(temp.c_str(), path.c_str()) != 0) {
        const int err = errno;
        ::unlink(temp.c_str());
        throwWriteError(err);
    }
    syncDirectory(parentOf(path));
}

void PosixSpoolFileSystem::remove(const std::string& path) {
    if (::unlink(path.c_str()) != 0 && errno != ENOENT)
        throw Error(ErrorKind::Storage, "remove_failed", "ファイルの削除に失敗しました");
}

void PosixSpoolFileSystem::createDirectory(const std::string& dir) {
    if (::mkdir(dir.c_str(), 0750) == 0) {
        syncDirectory(parentOf(dir));
        return;
    }
    if (errno != EEXIST) throwWriteError(errno);
    struct stat st {};
    if (::lstat(dir.c_str(), &st) != 0 || !S_ISDIR(st.st_mode))
        throw Error(ErrorKind::Storage, "spool_layout_invalid",
                    "a spool sub-directory name is taken by something that is not a directory");
}

}  // namespace rxdesk::spool
