#include "auth/AccountService.h"

#include <regex>

#include "core/Error.h"
#include "core/TokyoTime.h"
#include "crypto/Hashing.h"
#include "crypto/RandomBytes.h"
#include "crypto/Totp.h"

namespace rxdesk::auth {
namespace {

constexpr const char* kTotpIssuer = "rxdesk";

audit::AuditEvent event(const std::string& actor, const std::string& action,
                        const std::string& object_id, const std::string& remote,
                        const std::string& outcome, const std::string& detail = {}) {
    return audit::AuditEvent{actor,        action, "user",  object_id,
                             std::nullopt, remote, outcome, detail};
}

Error invalidCredentials() {
    return Error(ErrorKind::Unauthenticated, "invalid_credentials",
                 "ログイン名、パスワード、または確認コードが正しくありません");
}

Error userNotFound() {
    return Error(ErrorKind::NotFound, "user_not_found", "利用者が見つかりません");
}

// One-time passwords avoid look-alike characters so they can be read out and typed.
std::string oneTimePassword() {
    static constexpr char kAlphabet[] = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    std::string bytes = crypto::randomBytes(16);
    std::string out;
    for (unsigned char c : bytes) out += kAlphabet[c % (sizeof kAlphabet - 1)];
    return out;
}

}  // namespace

AccountService::AccountService(Transactor& tx, UserRepository& users, SessionRepository& sessions,
                               LoginFailureRepository& failures, audit::AuditLog& audit,
                               const Clock& clock, AuthSettings settings)
    : tx_(tx),
      users_(users),
      sessions_(sessions),
      failures_(failures),
      audit_(audit),
      clock_(clock),
      settings_(settings),
      hasher_(settings.password_iterations),
      address_throttle_(settings.address_throttle) {}

std::int64_t AccountService::nowSeconds() const {
    return unixSeconds(clock_.now());
}

LoginResult AccountService::login(const std::string& login, const std::string& password,
                                  const std::string& totp_code, const std::string& remote_addr) {
    const std::int64_t now = nowSeconds();
    std::optional<User> user;
    std::optional<LoginFailures> failures;
    tx_.read([&] {
        failures = failures_.find(login);
        user = users_.findByLogin(login);
    });
    const std::string object_id = user ? std::to_string(user->id) : "";
    // The same answer for a locked address as for a locked name: which one is locked is
    // nothing an attacker needs to know.
    const bool address_locked = address_throttle_.lockedFor(remote_addr, now) > 0;
    if (address_locked || (failures && failures->locked_until > now)) {
        audit_.record(event("anonymous", "session.create", object_id, remote_addr, "denied",
                            address_locked ? "address_locked" : "locked"));
        throw Error(ErrorKind::TooManyRequests, "login_locked",
                    "ログインの失敗が続いたため一時的にロックされています。しばらく待ってから"
                    "お試しください");
    }

    // The password is checked outside any transaction: PBKDF2 is deliberately slow and must
    // not hold the write lock. Unknown logins are hashed too, so timing reveals nothing.
    bool password_ok =
        user ? hasher_.verify(password, user->password_hash)
             : (hasher_.verify(password, "pbkdf2-sha256$" +
                                             std::to_string(settings_.password_iterations) +
                                             "$AAAAAAAAAAAAAAAAAAAAAA$" + std::string(43, 'A')),
                false);
    std::optional<std::int64_t> step;
    if (password_ok && user && !user->disabled())
        step = crypto::Totp::verify(user->totp_secret, totp_code, now, user->totp_last_step);

    if (!step) {
        address_throttle_.recordFailure(remote_addr, now);
        tx_.write([&] {
            failures_.save(
                login, settings_.throttle.afterFailure(failures.value_or(LoginFailures{}), now));
            audit_.record(event("anonymous", "session.create", object_id, remote_addr, "denied",
                                !user              ? "unknown_login"
                                : user->disabled() ? "disabled"
                                : !password_ok     ? "wrong_password"
                                                   : "wrong_totp"));
        });
        throw invalidCredentials();
    }

    LoginResult result;
    tx_.write([&] {
        // Re-read under the write lock so a concurrent login cannot reuse the same TOTP step.
        auto fresh = users_.findByLogin(login);
        if (!fresh || fresh->disabled() || fresh->totp_last_step >= *step)
            throw invalidCredentials();
        fresh->totp_last_step = *step;
        users_.update(*fresh);
        failures_.clear(login);
        std::string csrf;
        result.session_token = newSessionToken(*fresh, now, csrf);
        result.principal = principalOf(*fresh, csrf);
        audit_.record(event(result.principal.actor(), "session.create", std::to_string(fresh->id),
                            remote_addr, "ok"));
    });
    return result;
}

std::string AccountService::newSessionToken(const User& user, std::int64_t now, std::string& csrf) {
    std::string token = crypto::randomToken(32);
    csrf = crypto::randomToken(24);
    sessions_.insert(SessionRecord{crypto::sha256Hex(token), user.id, csrf, now, now});
    return token;
}

Principal AccountService::principalOf(const User& user, const std::string& csrf) const {
    Principal p;
    p.kind = Principal::Kind::User;
    p.id = user.id;
    p.name = user.login;
    p.display_name = user.display_name;
    p.role = user.role;
    p.csrf_token = csrf;
    p.password_change_required = user.password_change_required;
    return p;
}

Principal AccountService::authenticate(const std::string& session_token) {
    const std::int64_t now = nowSeconds();
    const std::string hash = crypto::sha256Hex(session_token);
    std::optional<SessionRecord> session;
    std::optional<User> user;
    tx_.read([&] {
        session = sessions_.find(hash);
        if (session) user = users_.findById(session->user_id);
    });
    if (!session || !user)
        throw Error(ErrorKind::Unauthenticated, "session_invalid",
                    "ログインしていないか、セッションが終了しています");
    const bool expired = user->disabled() ||
                         now - session->last_seen_at > settings_.idle_timeout_seconds ||
                         now - session->created_at > settings_.absolute_timeout_seconds;
    if (expired) {
        tx_.write([&] { sessions_.remove(hash); });
        throw Error(ErrorKind::Unauthenticated, "session_invalid",
                    "ログインしていないか、セッションが終了しています");
    }
    if (now - session->last_seen_at >= settings_.touch_interval_seconds)
        tx_.write([&] { sessions_.touch(hash, now); });
    return principalOf(*user, session->csrf_token);
}

void AccountService::logout(const std::string& session_token, const Caller& caller) {
    tx_.write([&] {
        sessions_.remove(crypto::sha256Hex(session_token));
        audit_.record(event(caller.principal.actor(), "session.delete",
                            std::to_string(caller.principal.id), caller.remote_addr, "ok"));
    });
}

IssuedCredentials AccountService::addUser(const std::string& login, const std::string& display_name,
                                          Role role, const Caller& caller) {
    static const std::regex kLogin("[a-z0-9][a-z0-9._-]{2,31}");
    if (!std::regex_match(login, kLogin))
        throw Error(ErrorKind::BadRequest, "invalid_login",
                    "ログイン名は英小文字・数字・._- の3〜32文字で指定してください", "login");
    if (display_name.empty() || display_name.size() > 200)
        throw Error(ErrorKind::BadRequest, "invalid_display_name",
                    "表示名は1〜200バイトで指定してください", "display_name");
    IssuedCredentials out;
    out.one_time_password = oneTimePassword();
    out.totp_secret = crypto::Totp::generateSecret();
    out.totp_uri = crypto::Totp::provisioningUri(kTotpIssuer, login, out.totp_secret);
    User& user = out.user;
    user.login = login;
    user.display_name = display_name;
    user.role = role;
    user.password_hash = hasher_.hash(out.one_time_password);
    user.password_change_required = true;
    user.totp_secret = out.totp_secret;
    user.created_at = nowSeconds();
    tx_.write([&] {
        if (users_.findByLogin(login))
            throw Error(ErrorKind::Conflict, "login_taken", "そのログイン名は既に使われています",
                        "login");
        user.id = users_.insert(user);
        audit_.record(event(caller.principal.actor(), "user.add", std::to_string(user.id),
                            caller.remote_addr, "ok", std::string(roleName(role))));
    });
    return out;
}

void AccountService::disableUser(const std::string& login, const Caller& caller) {
    tx_.write([&] {
        auto user = users_.findByLogin(login);
        if (!user) throw userNotFound();
        if (!user->disabled()) {
            user->disabled_at = nowSeconds();
            users_.update(*user);
        }
        sessions_.removeAllOf(user->id);
        audit_.record(event(caller.principal.actor(), "user.disable", std::to_string(user->id),
                            caller.remote_addr, "ok"));
    });
}

IssuedCredentials AccountService::resetTotp(const std::string& login, const Caller& caller) {
    IssuedCredentials out;
    out.totp_secret = crypto::Totp::generateSecret();
    out.totp_uri = crypto::Totp::provisioningUri(kTotpIssuer, login, out.totp_secret);
    tx_.write([&] {
        auto user = users_.findByLogin(login);
        if (!user) throw userNotFound();
        user->totp_secret = out.totp_secret;
        user->totp_last_step = 0;
        users_.update(*user);
        sessions_.removeAllOf(user->id);
        out.user = *user;
        audit_.record(event(caller.principal.actor(), "user.reset_totp", std::to_string(user->id),
                            caller.remote_addr, "ok"));
    });
    return out;
}

void AccountService::changePassword(const Caller& caller, const std::string& current,
                                    const std::string& replacement) {
    std::optional<User> user;
    tx_.read([&] { user = users_.findById(caller.principal.id); });
    if (!user || !hasher_.verify(current, user->password_hash)) throw invalidCredentials();
    if (replacement.size() < settings_.min_password_length || replacement == current)
        throw Error(ErrorKind::RuleViolation, "weak_password",
                    "新しいパスワードは現在と異なる" +
                        std::to_string(settings_.min_password_length) + "文字以上にしてください",
                    "new_password");
    std::string hash = hasher_.hash(replacement);
    tx_.write([&] {
        auto fresh = users_.findById(caller.principal.id);
        if (!fresh) throw userNotFound();
        fresh->password_hash = hash;
        fresh->password_change_required = false;
        users_.update(*fresh);
        audit_.record(event(caller.principal.actor(), "user.change_password",
                            std::to_string(fresh->id), caller.remote_addr, "ok"));
    });
}

std::vector<User> AccountService::listUsers() {
    std::vector<User> out;
    tx_.read([&] { out = users_.list(); });
    return out;
}

}  // namespace rxdesk::auth
