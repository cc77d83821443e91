#include "http/routes/AuditRoutes.h"

#include "http/RequestContext.h"

namespace rxdesk::http {

void addAuditRoutes(Router& router, audit::AuditLog& audit) {
    router.add({"GET", "/api/v1/audit/verification", auth::Permission::AuditVerify, 0, false,
                false, [&audit](RequestContext& ctx) {
                    auto report = audit.verify();
                    audit.record(audit::AuditEvent{ctx.principal().actor(), "audit.verify",
                                                   "audit_log", "", std::nullopt,
                                                   ctx.remoteAddr(),
                                                   report.broken ? "failed" : "ok", ""});
                    Poco::JSON::Object o(Poco::JSON_PRESERVE_KEY_ORDER);
                    o.set("ok", !report.broken.has_value());
                    o.set("entries", report.entries);
                    if (report.broken) {
                        Poco::JSON::Object b;
                        b.set("seq", report.broken->seq);
                        b.set("problem", report.broken->problem);
                        o.set("broken", b);
                    }
                    ctx.respondJson(200, o);
                }});
}

}  // namespace rxdesk::http
