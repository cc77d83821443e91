#pragma once

#include <optional>
#include <string>
#include <vector>

namespace rxdesk {

/// The one port through which the store touches files (LevelDB's Env), so tests can inject
/// faults such as a full disk. Paths are plain strings; failures throw rxdesk::Error.
class FileSystem {
public:
    virtual ~FileSystem() = default;

    /// Writes `bytes` to `path` so that readers see either the old file or the whole new
    /// one: temporary file in the same directory, fsync, rename, fsync of the directory.
    /// Creates missing parent directories. Throws Error(Storage, "disk_full" or
    /// "write_failed") and leaves no partial file behind.
    virtual void writeAtomically(const std::string& path, std::string_view bytes) = 0;

    /// The file's contents, or nullopt if it does not exist. Throws on other read errors.
    virtual std::optional<std::string> read(const std::string& path) = 0;

    virtual bool exists(const std::string& path) = 0;
    /// Removes a file; no error if it is already gone.
    virtual void remove(const std::string& path) = 0;
    /// Names (not paths) of the regular files in `dir`; empty if `dir` does not exist.
    virtual std::vector<std::string> list(const std::string& dir) = 0;
    virtual void createDirectories(const std::string& dir) = 0;
};

}  // namespace rxdesk
