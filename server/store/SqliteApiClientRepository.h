#pragma once

#include "auth/ApiClient.h"
#include "store/Database.h"

namespace rxdesk::store {

/// ApiClientRepository over the `api_clients` table.
class SqliteApiClientRepository : public auth::ApiClientRepository {
public:
    explicit SqliteApiClientRepository(Database& db) : db_(db) {}

    std::int64_t insert(const auth::ApiClient& client) override;
    std::optional<auth::ApiClient> findByKeyId(const std::string& key_id) override;
    std::optional<auth::ApiClient> findById(std::int64_t id) override;
    std::vector<auth::ApiClient> list() override;
    void revoke(std::int64_t id, std::int64_t at) override;

private:
    Database& db_;
};

}  // namespace rxdesk::store
