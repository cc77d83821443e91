#pragma once

#include "core/FileSystem.h"

namespace rxdesk::store {

/// FileSystem on the local POSIX file system.
class PosixFileSystem : public FileSystem {
public:
    void writeAtomically(const std::string& path, std::string_view bytes) override;
    std::optional<std::string> read(const std::string& path) override;
    bool exists(const std::string& path) override;
    void remove(const std::string& path) override;
    std::vector<std::string> list(const std::string& dir) override;
    void createDirectories(const std::string& dir) override;
};

}  // namespace rxdesk::store
