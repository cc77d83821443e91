#pragma once

#include "core/IdempotencyRepository.h"
#include "store/Database.h"

namespace rxdesk::store {

/// IdempotencyRepository over the `idempotency_keys` table.
class SqliteIdempotencyRepository : public IdempotencyRepository {
public:
    explicit SqliteIdempotencyRepository(Database& db) : db_(db) {}

    std::optional<StoredResponse> find(const std::string& principal,
                                       const std::string& key) override;
    void save(const std::string& principal, const std::string& key,
              const StoredResponse& response, std::int64_t now) override;

private:
    Database& db_;
};

}  // namespace rxdesk::store
