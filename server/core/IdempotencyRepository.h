#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace rxdesk {

/// The answer given to a create request, kept so a retry with the same Idempotency-Key
/// gets the same answer.
struct StoredResponse {
    std::string route;
    std::string request_hash;  ///< SHA-256 of method, route and body
    int status = 0;
    std::string body;
};

/// Storage port for idempotency keys, scoped by principal. Call inside a Transactor scope.
class IdempotencyRepository {
public:
    virtual ~IdempotencyRepository() = default;
    virtual std::optional<StoredResponse> find(const std::string& principal,
                                               const std::string& key) = 0;
    virtual void save(const std::string& principal, const std::string& key,
                      const StoredResponse& response, std::int64_t now) = 0;
};

}  // namespace rxdesk
