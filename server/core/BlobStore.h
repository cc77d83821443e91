#pragma once

#include <string>
#include <string_view>

namespace rxdesk {

/// Content-addressed storage for images and documents: a blob's id is the lower-case hex
/// SHA-256 of its bytes. Blobs are immutable.
class BlobStore {
public:
    virtual ~BlobStore() = default;

    /// Stores `bytes` durably (idempotent) and returns its id.
    virtual std::string put(std::string_view bytes) = 0;

    /// The bytes of blob `id`, verified against their hash. Throws Error(NotFound,
    /// "blob_not_found") or Error(Storage, "blob_corrupt").
    virtual std::string get(const std::string& id) = 0;

    virtual bool contains(const std::string& id) = 0;

    /// Deletes blob `id`; no error when it does not exist. Only for blobs no row refers to
    /// any more (the retention job): blobs are otherwise immutable.
    virtual void remove(const std::string& id) = 0;
};

}  // namespace rxdesk
