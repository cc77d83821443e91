#pragma once

#include "core/BlobStore.h"
#include "core/FileSystem.h"

namespace rxdesk::store {

/// BlobStore as files `<root>/<2 hex>/<2 hex>/<sha256>` written atomically through a
/// FileSystem port and verified against their name on every read.
class FileBlobStore : public BlobStore {
public:
    FileBlobStore(FileSystem& fs, std::string root) : fs_(fs), root_(std::move(root)) {}

    std::string put(std::string_view bytes) override;
    std::string get(const std::string& id) override;
    bool contains(const std::string& id) override;
    void remove(const std::string& id) override;

    /// The path blob `id` is stored at (for backups and tests).
    std::string pathOf(const std::string& id) const;
    /// Every blob id present under the root.
    std::vector<std::string> list();

private:
    FileSystem& fs_;
    std::string root_;
};

}  // namespace rxdesk::store
