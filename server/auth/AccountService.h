#pragma once

#include <string>
#include <vector>

#include "audit/AuditLog.h"
#include "auth/AddressThrottle.h"
#include "auth/AuthSettings.h"
#include "auth/LoginThrottle.h"
#include "auth/Principal.h"
#include "auth/SessionRepository.h"
#include "auth/UserRepository.h"
#include "core/Clock.h"
#include "core/Transactor.h"
#include "crypto/PasswordHasher.h"

namespace rxdesk::auth {

/// A successful login: the cookie token (shown once, stored only hashed) and who it is.
struct LoginResult {
    std::string session_token;
    Principal principal;
};

/// Credentials handed out once when an account is created or reset.
struct IssuedCredentials {
    User user;
    std::string one_time_password;  ///< empty when only the TOTP was reset
    std::string totp_secret;        ///< Base32
    std::string totp_uri;           ///< otpauth:// URI for authenticator apps
};

/// Staff accounts and sessions: password + TOTP login with lockout, idle timeout, disabling.
/// Every method audits what it did, including refusals.
class AccountService {
public:
    AccountService(Transactor& tx, UserRepository& users, SessionRepository& sessions,
                   LoginFailureRepository& failures, audit::AuditLog& audit, const Clock& clock,
                   AuthSettings settings);

    /// Checks password and TOTP code and opens a session. Throws Error Unauthenticated
    /// "invalid_credentials" (the same for every wrong part, so nothing is revealed) or
    /// TooManyRequests "login_locked" while the login name or the source address
    /// `remote_addr` is locked out (settings.throttle, settings.address_throttle).
    LoginResult login(const std::string& login, const std::string& password,
                      const std::string& totp_code, const std::string& remote_addr);

    /// The principal of a live session. Throws Unauthenticated "session_invalid" for an
    /// unknown, ended, idle-expired session or a disabled user.
    Principal authenticate(const std::string& session_token);

    /// Ends the session (idempotent).
    void logout(const std::string& session_token, const Caller& caller);

    /// Creates an account with a one-time password (to be changed at first login) and a
    /// TOTP secret. Throws BadRequest "invalid_login" / "invalid_display_name", Conflict
    /// "login_taken".
    IssuedCredentials addUser(const std::string& login, const std::string& display_name, Role role,
                              const Caller& caller);

    /// Disables the account and ends all its sessions at once. Throws NotFound "user_not_found".
    void disableUser(const std::string& login, const Caller& caller);

    /// Issues a new TOTP secret and ends the user's sessions. Throws NotFound.
    IssuedCredentials resetTotp(const std::string& login, const Caller& caller);

    /// Changes the caller's own password. Throws Unauthenticated "invalid_credentials" when
    /// `current` is wrong, RuleViolation "weak_password" when `replacement` is too short or
    /// equal to the current one.
    void changePassword(const Caller& caller, const std::string& current,
                        const std::string& replacement);

    std::vector<User> listUsers();

private:
    std::string newSessionToken(const User& user, std::int64_t now, std::string& csrf);
    Principal principalOf(const User& user, const std::string& csrf) const;
    std::int64_t nowSeconds() const;

    Transactor& tx_;
    UserRepository& users_;
    SessionRepository& sessions_;
    LoginFailureRepository& failures_;
    audit::AuditLog& audit_;
    const Clock& clock_;
    AuthSettings settings_;
    crypto::PasswordHasher hasher_;
    AddressThrottle address_throttle_;
};

}  // namespace rxdesk::auth
