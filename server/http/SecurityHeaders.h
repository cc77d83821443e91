#pragma once

#include <Poco/Net/HTTPServerResponse.h>

namespace rxdesk::http {

/// Adds the headers every rxdesk response carries: a strict Content-Security-Policy (no
/// inline script, nothing from other origins), nosniff, frame denial, no referrer, and
/// HSTS when served over HTTPS.
void addSecurityHeaders(Poco::Net::HTTPServerResponse& response, bool https);

}  // namespace rxdesk::http
