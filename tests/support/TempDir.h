#pragma once

#include <string>

namespace rxdesk::testing {

/// A fresh directory under the system temp dir, removed with everything in it on
/// destruction.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const std::string& path() const { return path_; }

private:
    std::string path_;
};

}  // namespace rxdesk::testing
