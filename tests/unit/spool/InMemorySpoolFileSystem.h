#pragma once

#include <functional>
#include <map>
#include <mutex>
#include <set>
#include <string>

#include "core/Error.h"
#include "spool/SpoolFileSystem.h"

namespace rxdesk::spool::test {

/// A SpoolFileSystem held in a map, with hooks for fault injection. Paths are compared as
/// strings; the parent of "a/b/c" is "a/b".
class InMemorySpoolFileSystem : public SpoolFileSystem {
public:
    struct Node {
        EntryKind kind = EntryKind::Regular;
        std::string bytes;
        TimePoint mtime{};
    };

    void put(const std::string& path, std::string bytes, TimePoint mtime) {
        std::lock_guard lock(mutex_);
        nodes_[path] = Node{EntryKind::Regular, std::move(bytes), mtime};
    }
    void putSymlink(const std::string& path, TimePoint mtime) {
        std::lock_guard lock(mutex_);
        nodes_[path] = Node{EntryKind::Symlink, "/etc/passwd", mtime};
    }
    void putFifo(const std::string& path, TimePoint mtime) {
        std::lock_guard lock(mutex_);
        nodes_[path] = Node{EntryKind::Other, "", mtime};
    }
    void mkdir(const std::string& path) {
        std::lock_guard lock(mutex_);
        nodes_[path] = Node{EntryKind::Directory, "", {}};
    }
    bool has(const std::string& path) const {
        std::lock_guard lock(mutex_);
        return nodes_.contains(path);
    }
    std::string contents(const std::string& path) const {
        std::lock_guard lock(mutex_);
        auto it = nodes_.find(path);
        return it == nodes_.end() ? std::string("<missing>") : it->second.bytes;
    }
    /// Names directly inside `dir`, sorted.
    std::set<std::string> names(const std::string& dir) const {
        std::lock_guard lock(mutex_);
        std::set<std::string> out;
        for (const auto& [path, node] : nodes_)
            if (parentOf(path) == dir) out.insert(path.substr(dir.size() + 1));
        return out;
    }

    /// Paths whose contents were read, in order (documents and sidecars).
    std::vector<std::string> reads;
    /// Called before each read of a path; may change the file (a writer coming back).
    std::function<void(const std::string& path)> before_read;
    /// Makes the next `n` moves throw Error(Storage, "move_failed") (a crash mid-filing).
    int failing_moves = 0;
    /// Makes list() throw Error(Storage, "spool_unreadable").
    bool unreadable = false;

    std::vector<SpoolEntry> list(const std::string& dir) override {
        std::lock_guard lock(mutex_);
        if (unreadable) throw Error(ErrorKind::Storage, "spool_unreadable", "unreadable");
        std::vector<SpoolEntry> out;
        for (const auto& [path, node] : nodes_)
            if (parentOf(path) == dir) out.push_back(entry(path, node));
        return out;
    }
    std::optional<SpoolEntry> stat(const std::string& path) override {
        std::lock_guard lock(mutex_);
        auto it = nodes_.find(path);
        if (it == nodes_.end()) return std::nullopt;
        return entry(path, it->second);
    }
    std::optional<std::string> read(const std::string& path, std::uint64_t max_bytes) override {
        if (before_read) before_read(path);
        std::lock_guard lock(mutex_);
        auto it = nodes_.find(path);
        if (it == nodes_.end()) return std::nullopt;
        if (it->second.kind != EntryKind::Regular)
            throw Error(ErrorKind::Forbidden, "not_regular_file", "not regular");
        if (it->second.bytes.size() > max_bytes)
            throw Error(ErrorKind::PayloadTooLarge, "too_large", "too large");
        reads.push_back(path);
        return it->second.bytes;
    }
    bool moveNoReplace(const std::string& from, const std::string& to) override {
        std::lock_guard lock(mutex_);
        if (failing_moves > 0) {
            --failing_moves;
            throw Error(ErrorKind::Storage, "move_failed", "injected");
        }
        if (nodes_.contains(to)) return false;
        auto it = nodes_.find(from);
        if (it == nodes_.end()) throw Error(ErrorKind::Storage, "move_failed", "no such file");
        nodes_[to] = it->second;
        nodes_.erase(from);
        return true;
    }
    void writeAtomically(const std::string& path, std::string_view bytes) override {
        std::lock_guard lock(mutex_);
        nodes_[path] = Node{EntryKind::Regular, std::string(bytes), {}};
    }
    void remove(const std::string& path) override {
        std::lock_guard lock(mutex_);
        nodes_.erase(path);
    }
    void createDirectory(const std::string& dir) override {
        std::lock_guard lock(mutex_);
        auto it = nodes_.find(dir);
        if (it == nodes_.end())
            nodes_[dir] = Node{EntryKind::Directory, "", {}};
        else if (it->second.kind != EntryKind::Directory)
            throw Error(ErrorKind::Storage, "spool_layout_invalid", "not a directory");
    }

private:
    static std::string parentOf(const std::string& path) {
        auto slash = path.rfind('/');
        return slash == std::string::npos ? "" : path.substr(0, slash);
    }
    static SpoolEntry entry(const std::string& path, const Node& node) {
        return SpoolEntry{path.substr(path.rfind('/') + 1), node.kind, node.bytes.size(),
                          node.mtime};
    }

    mutable std::mutex mutex_;
    std::map<std::string, Node> nodes_;
};

}  // namespace rxdesk::spool::test
