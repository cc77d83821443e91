#pragma once

#include "auth/SessionRepository.h"
#include "store/Database.h"

namespace rxdesk::store {

/// SessionRepository over the `sessions` table.
class SqliteSessionRepository : public auth::SessionRepository {
public:
    explicit SqliteSessionRepository(Database& db) : db_(db) {}

    void insert(const auth::SessionRecord& s) override;
    std::optional<auth::SessionRecord> find(const std::string& token_hash) override;
    void touch(const std::string& token_hash, std::int64_t now) override;
    void remove(const std::string& token_hash) override;
    void removeAllOf(std::int64_t user_id) override;

private:
    Database& db_;
};

}  // namespace rxdesk::store
