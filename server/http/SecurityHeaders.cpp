#include "http/SecurityHeaders.h"

namespace rxdesk::http {

void addSecurityHeaders(Poco::Net::HTTPServerResponse& response, bool https) {
    response.set("X-Content-Type-Options", "nosniff");
    response.set("X-Frame-Options", "DENY");
    response.set("Referrer-Policy", "no-referrer");
    response.set("Cross-Origin-Opener-Policy", "same-origin");
    response.set("Cross-Origin-Resource-Policy", "same-origin");
    response.set("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    response.set("Content-Security-Policy",
                 "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' "
                 "data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
                 "frame-ancestors 'none'; form-action 'self'");
    if (https) response.set("Strict-Transport-Security", "max-age=31536000");
}

}  // namespace rxdesk::http
