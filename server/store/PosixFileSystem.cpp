#include "store/PosixFileSystem.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/Error.h"
#include "crypto/Encoding.h"
#include "crypto/RandomBytes.h"

namespace fs = std::filesystem;

namespace rxdesk::store {
namespace {

[[noreturn]] void throwWriteError(int err) {
    if (err == ENOSPC || err == EDQUOT)
        throw Error(ErrorKind::Storage, "disk_full", "ディスクの空きがないため保存できませんでした");
    throw Error(ErrorKind::Storage, "write_failed", "ファイルの書き込みに失敗しました");
}

void syncDirectory(const fs::path& dir) {
    int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY);
    if (fd < 0) return;
    ::fsync(fd);
    ::close(fd);
}

}  // namespace

void PosixFileSystem::writeAtomically(const std::string& path, std::string_view bytes) {
    fs::path target(path);
    createDirectories(target.parent_path().string());
    fs::path temp = target;
    temp += ".tmp-" + crypto::toHex(crypto::randomBytes(6));
    int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0640);
    if (fd < 0) throwWriteError(errno);
    size_t written = 0;
    while (written < bytes.size()) {
        ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
        if (n < 0) {
            if (errno == EINTR) continue;
            int err = errno;
            ::close(fd);
            ::unlink(temp.c_str());
            throwWriteError(err);
        }
        written += size_t(n);
    }
    // Close even when fsync fails, or every failed write on a full disk leaks a descriptor.
    const int sync_rc = ::fsync(fd);
    const int sync_err = errno;
    const int close_rc = ::close(fd);
    if (sync_rc != 0 || close_rc != 0) {
        int err = sync_rc != 0 ? sync_err : errno;
        ::unlink(temp.c_str());
        throwWriteError(err);
    }
    if (::rename(temp.c_str(), target.c_str()) != 0) {
        int err = errno;
        ::unlink(temp.c_str());
        throwWriteError(err);
    }
    syncDirectory(target.parent_path());
}

std::optional<std::string> PosixFileSystem::read(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        if (!fs::exists(path)) return std::nullopt;
        throw Error(ErrorKind::Storage, "read_failed", "ファイルの読み込みに失敗しました");
    }
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

bool PosixFileSystem::exists(const std::string& path) { return fs::exists(path); }

void PosixFileSystem::remove(const std::string& path) {
    std::error_code ec;
    fs::remove(path, ec);
}

std::vector<std::string> PosixFileSystem::list(const std::string& dir) {
    std::vector<std::string> out;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir, ec))
        if (entry.is_regular_file()) out.push_back(entry.path().filename().string());
    return out;
}

void PosixFileSystem::createDirectories(const std::string& dir) {
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) throwWriteError(ec.value());
}

}  // namespace rxdesk::store
