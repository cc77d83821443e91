#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace rxdesk::auth {

/// A signed-in session. Only the SHA-256 of the cookie token is stored.
struct SessionRecord {
    std::string token_hash;
    std::int64_t user_id = 0;
    std::string csrf_token;
    std::int64_t created_at = 0;
    std::int64_t last_seen_at = 0;
};

/// Storage port for sessions. Call inside a Transactor scope.
class SessionRepository {
public:
    virtual ~SessionRepository() = default;

    virtual void insert(const SessionRecord& session) = 0;
    virtual std::optional<SessionRecord> find(const std::string& token_hash) = 0;
    virtual void touch(const std::string& token_hash, std::int64_t now) = 0;
    virtual void remove(const std::string& token_hash) = 0;
    virtual void removeAllOf(std::int64_t user_id) = 0;
};

}  // namespace rxdesk::auth
