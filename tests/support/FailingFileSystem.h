#pragma once

#include <atomic>
#include <string>

#include "core/Error.h"
#include "core/FileSystem.h"

namespace rxdesk::testing {

/// A FileSystem that forwards to another one, except that chosen writes fail as a full
/// disk would (LevelDB's ErrorEnv): Error(Storage, "disk_full") and nothing written. Thread-safe.
class FailingFileSystem : public FileSystem {
public:
    explicit FailingFileSystem(FileSystem& real) : real_(real) {}

    /// The `n`-th writeAtomically from now on (1 = the next one) fails, and every write
    /// after it too while `sticky` (a disk stays full); 0 turns failures off.
    void failWrite(int n, bool sticky = false) {
        countdown_ = n;
        sticky_ = sticky;
        failing_ = false;
    }
    /// Ends a sticky failure: the disk has room again.
    void heal() {
        countdown_ = 0;
        failing_ = false;
    }
    int writes() const { return writes_; }
    int failedWrites() const { return failed_; }

    void writeAtomically(const std::string& path, std::string_view bytes) override {
        ++writes_;
        if (failing_ || (countdown_ > 0 && --countdown_ == 0)) {
            failing_ = sticky_.load();
            ++failed_;
            throw Error(ErrorKind::Storage, "disk_full",
                        "ディスクの空きがないため保存できませんでした");
        }
        real_.writeAtomically(path, bytes);
    }
    std::optional<std::string> read(const std::string& path) override { return real_.read(path); }
    bool exists(const std::string& path) override { return real_.exists(path); }
    void remove(const std::string& path) override { real_.remove(path); }
    std::vector<std::string> list(const std::string& dir) override { return real_.list(dir); }
    void createDirectories(const std::string& dir) override { real_.createDirectories(dir); }

private:
    FileSystem& real_;
    std::atomic<int> countdown_{0};
    std::atomic<bool> sticky_{false};
    std::atomic<bool> failing_{false};
    std::atomic<int> writes_{0};
    std::atomic<int> failed_{0};
};

}  // namespace rxdesk::testing
