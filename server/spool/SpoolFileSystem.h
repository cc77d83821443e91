#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/Clock.h"

namespace rxdesk::spool {

/// What a directory entry is, seen without following symbolic links (lstat).
enum class EntryKind { Regular, Directory, Symlink, Other };

/// One directory entry as lstat reports it.
struct SpoolEntry {
    std::string name;  ///< file name, no directory part
    EntryKind kind = EntryKind::Other;
    std::uint64_t size = 0;  ///< bytes (of the link itself for a symlink)
    TimePoint mtime{};       ///< last modification, full precision of the file system
};

/// The port through which the spool logic touches files, so that its rules are tested
/// against an in-memory fake and faults (a move that fails, a file that grows) can be
/// injected. Paths are plain strings. Nothing here follows a symbolic link.
class SpoolFileSystem {
public:
    virtual ~SpoolFileSystem() = default;

    /// The entries directly inside `dir` ("." and ".." excluded), in no particular order.
    /// Throws Error(Storage, "spool_unreadable") when `dir` cannot be listed (missing,
    /// not a directory, no permission).
    virtual std::vector<SpoolEntry> list(const std::string& dir) = 0;

    /// The entry at `path` (lstat), or nullopt when nothing is there.
    virtual std::optional<SpoolEntry> stat(const std::string& path) = 0;

    /// The whole contents of the regular file at `path`, or nullopt when it does not exist.
    /// Never follows a symbolic link and never reads more than max_bytes + 1 bytes.
    /// Throws Error:
    ///  - PayloadTooLarge "too_large" when the file holds more than max_bytes;
    ///  - Forbidden "not_regular_file" when `path` is a symlink, directory, FIFO, ...;
    ///  - Storage "read_failed" on any other error.
    virtual std::optional<std::string> read(const std::string& path, std::uint64_t max_bytes) = 0;

    /// Renames `from` to `to` (same file system) unless `to` already exists: returns false
    /// and changes nothing then. A symlink is moved as the link itself. The rename is made
    /// durable (directories synced). Throws Error(Storage, "move_failed") otherwise.
    virtual bool moveNoReplace(const std::string& from, const std::string& to) = 0;

    /// Creates or replaces `path` so that readers see the old file or the whole new one.
    /// Throws Error(Storage, "write_failed" or "disk_full").
    virtual void writeAtomically(const std::string& path, std::string_view bytes) = 0;

    /// Removes the entry at `path` (a symlink itself, never its target); no error when it
    /// is already gone. Throws Error(Storage, "remove_failed") otherwise.
    virtual void remove(const std::string& path) = 0;

    /// Creates the directory `dir` (its parent must exist) unless it already is a
    /// directory. Throws Error(Storage, "spool_layout_invalid") when something else (a file,
    /// a symlink) has that name, Error(Storage, "write_failed") on other errors.
    virtual void createDirectory(const std::string& dir) = 0;
};

}  // namespace rxdesk::spool
