#include "http/routes/JsonViews.h"

#include "core/TokyoTime.h"

namespace rxdesk::http {

Poco::JSON::Object userView(const auth::User& u) {
    Poco::JSON::Object o(Poco::JSON_PRESERVE_KEY_ORDER);
    o.set("id", u.id);
    o.set("login", u.login);
    o.set("display_name", u.display_name);
    o.set("role", std::string(auth::roleName(u.role)));
    o.set("role_label", std::string(auth::roleLabel(u.role)));
    o.set("password_change_required", u.password_change_required);
    o.set("disabled", u.disabled());
    o.set("created_at", formatIso8601(fromUnixSeconds(u.created_at)));
    return o;
}

Poco::JSON::Object clientView(const auth::ApiClient& c) {
    Poco::JSON::Object o(Poco::JSON_PRESERVE_KEY_ORDER);
    o.set("id", c.id);
    o.set("name", c.name);
    o.set("kind", std::string(auth::clientKindName(c.kind)));
    if (!c.institution_code.empty()) o.set("institution_code", c.institution_code);
    o.set("key_id", c.key_id);
    o.set("revoked", c.revoked_at.has_value());
    o.set("created_at", formatIso8601(fromUnixSeconds(c.created_at)));
    return o;
}

}  // namespace rxdesk::http
