#include "store/FileBlobStore.h"

#include <algorithm>
#include <filesystem>

#include "core/Error.h"
#include "crypto/Hashing.h"

namespace rxdesk::store {
namespace {

bool isBlobId(const std::string& id) {
    return id.size() == 64 && std::all_of(id.begin(), id.end(), [](char c) {
               return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
           });
}

}  // namespace

std::string FileBlobStore::pathOf(const std::string& id) const {
    return root_ + "/" + id.substr(0, 2) + "/" + id.substr(2, 2) + "/" + id;
}

std::string FileBlobStore::put(std::string_view bytes) {
    std::string id = crypto::sha256Hex(bytes);
    {
        // Noted before the existence check: see removeUnlessPutSince().
        std::lock_guard lock(puts_mutex_);
        if (tracking_puts_) {
            if (puts_.ids.size() < kMaxTrackedPuts)
                puts_.ids.insert(id);
            else
                puts_.overflowed = true;
        }
    }
    if (!fs_.exists(pathOf(id))) fs_.writeAtomically(pathOf(id), bytes);
    return id;
}

FileBlobStore::Puts FileBlobStore::takePuts() {
    std::lock_guard lock(puts_mutex_);
    Puts taken = std::move(puts_);
    puts_ = Puts{};
    // Before the first call nothing was noted: any present blob may have just been put.
    if (!tracking_puts_) taken.overflowed = true;
    tracking_puts_ = true;
    return taken;
}

std::vector<std::string> FileBlobStore::removeUnlessPutSince(const std::vector<std::string>& ids) {
    std::lock_guard lock(puts_mutex_);
    std::vector<std::string> removed;
    if (puts_.overflowed) return removed;
    for (const auto& id : ids) {
        if (!isBlobId(id) || puts_.ids.count(id)) continue;
        fs_.remove(pathOf(id));
        removed.push_back(id);
    }
    return removed;
}

std::string FileBlobStore::get(const std::string& id) {
    if (!isBlobId(id)) throw Error(ErrorKind::NotFound, "blob_not_found", "画像が見つかりません");
    auto bytes = fs_.read(pathOf(id));
    if (!bytes) throw Error(ErrorKind::NotFound, "blob_not_found", "画像が見つかりません");
    if (crypto::sha256Hex(*bytes) != id)
        throw Error(ErrorKind::Storage, "blob_corrupt",
                    "保存されたファイルが破損しています (ハッシュ不一致)");
    return std::move(*bytes);
}

bool FileBlobStore::contains(const std::string& id) {
    return isBlobId(id) && fs_.exists(pathOf(id));
}

void FileBlobStore::remove(const std::string& id) {
    if (isBlobId(id)) fs_.remove(pathOf(id));
}

std::vector<std::string> FileBlobStore::list() {
    std::vector<std::string> out;
    std::error_code ec;
    for (auto it = std::filesystem::recursive_directory_iterator(root_, ec);
         !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
        std::string name = it->path().filename().string();
        if (it->is_regular_file() && isBlobId(name)) out.push_back(name);
    }
    return out;
}

}  // namespace rxdesk::store
