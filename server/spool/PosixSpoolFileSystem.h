#pragma once

#include "spool/SpoolFileSystem.h"

namespace rxdesk::spool {

/// SpoolFileSystem on a local POSIX (Linux) file system: lstat/fstatat, open with
/// O_NOFOLLOW, renameat2(RENAME_NOREPLACE) falling back to link+unlink where the file
/// system lacks it, fsync of the directories after a move.
class PosixSpoolFileSystem : public SpoolFileSystem {
public:
    std::vector<SpoolEntry> list(const std::string& dir) override;
    std::optional<SpoolEntry> stat(const std::string& path) override;
    std::optional<std::string> read(const std::string& path, std::uint64_t max_bytes) override;
    bool moveNoReplace(const std::string& from, const std::string& to) override;
    void writeAtomically(const std::string& path, std::string_view bytes) override;
    void remove(const std::string& path) override;
    void createDirectory(const std::string& dir) override;
};

}  // namespace rxdesk::spool
