#pragma once

#include <mutex>
#include <unordered_set>
#include <vector>

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

    /// For the sweep of unreferenced blobs (BlobSweeper): the ids put (written or found
    /// already there) since the previous call, and whether more were put than could be
    /// remembered (then any blob may be young). Starts the bookkeeping on the first call.
    struct Puts {
        std::unordered_set<std::string> ids;
        bool overflowed = false;
    };
    Puts takePuts();

    /// Removes those of `ids` not put since the last takePuts(), atomically with respect to
    /// put(): a put() either happens first (the blob is kept) or finds the file gone and
    /// writes it again. Returns the ids removed.
    std::vector<std::string> removeUnlessPutSince(const std::vector<std::string>& ids);

private:
    static constexpr std::size_t kMaxTrackedPuts = 100000;

    FileSystem& fs_;
    std::string root_;
    std::mutex puts_mutex_;
    bool tracking_puts_ = false;
    Puts puts_;
};

}  // namespace rxdesk::store
