#pragma once

#include <string>
#include <vector>

#include "audit/AuditLog.h"
#include "auth/ApiClient.h"
#include "auth/Principal.h"
#include "core/Clock.h"
#include "core/Transactor.h"

namespace rxdesk::auth {

/// A client just created, with its API key (shown once, never stored).
struct IssuedApiKey {
    ApiClient client;
    std::string api_key;
};

/// Machine clients authenticating with bearer API keys "rxk_<key id>.<secret>".
class ApiClientService {
public:
    ApiClientService(Transactor& tx, ApiClientRepository& clients, audit::AuditLog& audit,
                     const Clock& clock)
        : tx_(tx), clients_(clients), audit_(audit), clock_(clock) {}

    /// Throws BadRequest "invalid_client_name", "invalid_institution_code" (a clinic needs a
    /// 7- or 10-digit institution code; a fax gateway has none).
    IssuedApiKey add(const std::string& name, ClientKind kind, const std::string& institution_code,
                     const Caller& caller);

    /// The principal for a key. Throws Unauthenticated "invalid_api_key" for an unknown,
    /// wrong or revoked key.
    Principal authenticate(const std::string& api_key);

    /// Throws NotFound "client_not_found".
    void revoke(std::int64_t id, const Caller& caller);

    std::vector<ApiClient> list();

private:
    Transactor& tx_;
    ApiClientRepository& clients_;
    audit::AuditLog& audit_;
    const Clock& clock_;
};

}  // namespace rxdesk::auth
