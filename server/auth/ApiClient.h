#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "auth/Role.h"

namespace rxdesk::auth {

/// A machine client (clinic system or fax gateway). The API key itself is never stored,
/// only its SHA-256; `key_id` is the public part used to look it up.
struct ApiClient {
    std::int64_t id = 0;
    std::string key_id;
    std::string key_hash;
    std::string name;
    ClientKind kind = ClientKind::Clinic;
    std::string institution_code;
    std::int64_t created_at = 0;
    std::optional<std::int64_t> revoked_at;
};

/// Storage port for API clients. Call inside a Transactor scope.
class ApiClientRepository {
public:
    virtual ~ApiClientRepository() = default;
    virtual std::int64_t insert(const ApiClient& client) = 0;
    virtual std::optional<ApiClient> findByKeyId(const std::string& key_id) = 0;
    virtual std::optional<ApiClient> findById(std::int64_t id) = 0;
    virtual std::vector<ApiClient> list() = 0;
    virtual void revoke(std::int64_t id, std::int64_t at) = 0;
};

}  // namespace rxdesk::auth
