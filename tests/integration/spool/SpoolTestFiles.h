#pragma once

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>
#include <iterator>
#include <set>
#include <string>

namespace rxdesk::spool::test {

inline void writeFile(const std::string& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << bytes;
}

inline std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

inline bool exists(const std::string& path) {
    struct stat st {};
    return ::lstat(path.c_str(), &st) == 0;
}

inline bool isSymlink(const std::string& path) {
    struct stat st {};
    return ::lstat(path.c_str(), &st) == 0 && S_ISLNK(st.st_mode);
}

/// Names in `dir`, sorted (symlinks not followed).
std::set<std::string> namesIn(const std::string& dir);

/// A fake multi-page fax: "II*\0" then `size - 4` bytes of a position-dependent pattern, so
/// a truncated or reordered copy never compares equal.
inline std::string fakeTiff(size_t size) {
    std::string out("II*\0", 4);
    for (size_t i = out.size(); i < size; ++i)
        out += static_cast<char>('A' + (i * 7 + i / 251) % 26);
    return out;
}

}  // namespace rxdesk::spool::test
