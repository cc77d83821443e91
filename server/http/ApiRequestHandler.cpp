#include "http/ApiRequestHandler.h"

#include <Poco/Logger.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>

#include <algorithm>
#include <chrono>
#include <istream>

#include "auth/PermissionTable.h"
#include "core/Error.h"
#include "core/TokyoTime.h"
#include "crypto/Encoding.h"
#include "crypto/Hashing.h"
#include "crypto/RandomBytes.h"
#include "http/AccessLog.h"
#include "http/ErrorResponse.h"
#include "http/RequestDeadlines.h"
#include "http/SecurityHeaders.h"

namespace rxdesk::http {
namespace {

bool changesState(const std::string& method) {
    return method != "GET" && method != "HEAD" && method != "OPTIONS";
}

// Up to this much of a refused body is read and dropped before answering, so that a client
// still sending gets the 413 instead of a reset connection; anything larger is cut off.
constexpr std::int64_t kDrainLimit = 1024 * 1024;

void drain(std::istream& in, std::int64_t at_most) {
    char buffer[16384];
    while (in && at_most > 0) {
        in.read(buffer, std::streamsize(std::min<std::int64_t>(sizeof buffer, at_most)));
        at_most -= in.gcount();
    }
}

std::string readBody(Poco::Net::HTTPServerRequest& request, std::size_t limit) {
    if (request.hasContentLength() && request.getContentLength64() > std::int64_t(limit)) {
        if (request.getContentLength64() <= kDrainLimit) drain(request.stream(), kDrainLimit);
        throw Error(ErrorKind::PayloadTooLarge, "payload_too_large",
                    "本文が大きすぎます (上限 " + std::to_string(limit) + " バイト)");
    }
    std::string body;
    std::istream& in = request.stream();
    char buffer[16384];
    while (in) {
        in.read(buffer, sizeof buffer);
        body.append(buffer, size_t(in.gcount()));
        if (body.size() > limit) {
            drain(in, kDrainLimit);
            throw Error(ErrorKind::PayloadTooLarge, "payload_too_large",
                        "本文が大きすぎます (上限 " + std::to_string(limit) + " バイト)");
        }
    }
    if (request.hasContentLength() && std::int64_t(body.size()) != request.getContentLength64())
        throw Error(ErrorKind::BadRequest, "incomplete_body", "本文が途中で切れています");
    return body;
}

std::string rawPath(const std::string& uri) { return uri.substr(0, uri.find_first_of("?#")); }

bool validIdempotencyKey(const std::string& key) {
    if (key.empty() || key.size() > 255) return false;
    for (char c : key)
        if (c < 0x21 || c > 0x7E) return false;
    return true;
}

}  // namespace

auth::Principal ApiRequestHandler::authenticate(const Poco::Net::HTTPServerRequest& request,
                                                const Route& route) {
    const bool optional = route.permission == auth::Permission::Public;
    try {
        std::string authorization = request.get("Authorization", "");
        if (authorization.rfind("Bearer ", 0) == 0)
            return deps_.clients.authenticate(authorization.substr(7));
        if (!authorization.empty())
            throw Error(ErrorKind::Unauthenticated, "invalid_api_key",
                        "Authorization は Bearer 方式で指定してください");
        Poco::Net::NameValueCollection cookies;
        request.getCookies(cookies);
        if (cookies.has(kSessionCookie))
            return deps_.accounts.authenticate(cookies.get(kSessionCookie));
    } catch (const Error& e) {
        if (!optional || e.kind() != ErrorKind::Unauthenticated) throw;
    }
    return auth::Principal::anonymous();
}

void ApiRequestHandler::authorize(const auth::Principal& principal, const Route& route,
                                  const Poco::Net::HTTPServerRequest& request,
                                  const std::string& remote) {
    if (route.permission != auth::Permission::Public) {
        if (principal.kind == auth::Principal::Kind::Anonymous)
            throw Error(ErrorKind::Unauthenticated, "authentication_required",
                        "ログインまたは API キーが必要です");
        if (!auth::PermissionTable::allows(principal, route.permission)) {
            deps_.audit.record(audit::AuditEvent{principal.actor(), "access.denied", "route",
                                                 route.method + " " + route.pattern, std::nullopt,
                                                 remote, "denied",
                                                 std::string(auth::permissionName(route.permission))});
            throw Error(ErrorKind::Forbidden, "forbidden", "この操作を行う権限がありません");
        }
        if (principal.password_change_required && !route.allowed_before_password_change)
            throw Error(ErrorKind::Forbidden, "password_change_required",
                        "初回ログインのため、先にパスワードを変更してください");
    }
    if (principal.isUser() && changesState(request.getMethod()) &&
        !crypto::constantTimeEquals(request.get("X-CSRF-Token", ""), principal.csrf_token))
        throw Error(ErrorKind::Forbidden, "csrf_token_invalid",
                    "CSRF トークンがないか正しくありません");
}

void ApiRequestHandler::runIdempotent(RequestContext& ctx, const std::string& key,
                                      const std::string& path) {
    if (!validIdempotencyKey(key))
        throw Error(ErrorKind::BadRequest, "invalid_idempotency_key",
                    "Idempotency-Key は1〜255文字の英数記号にしてください", "Idempotency-Key");
    const std::string actor = ctx.principal().actor();
    const std::string hash =
        crypto::sha256Hex(ctx.method() + "\n" + ctx.route().pattern + "\n" + path + "\n" + ctx.body());
    // The key, the work and the stored answer commit together: a retry after a crash either
    // finds the answer or finds nothing done.
    deps_.tx.write([&] {
        if (auto prior = deps_.idempotency.find(actor, key)) {
            if (prior->request_hash != hash)
                throw Error(ErrorKind::Conflict, "idempotency_key_reused",
                            "この Idempotency-Key は別の内容の要求に使われています",
                            "Idempotency-Key");
            ctx.respond(prior->status, "application/json; charset=utf-8", prior->body);
            ctx.addHeader("Idempotent-Replayed", "true");
            return;
        }
        ctx.route().handle(ctx);
        if (ctx.status() >= 200 && ctx.status() < 300)
            deps_.idempotency.save(actor, key,
                                   StoredResponse{ctx.route().pattern, hash, ctx.status(),
                                                  ctx.responseBody()},
                                   unixSeconds(deps_.clock.now()));
    });
}

void ApiRequestHandler::handleRequest(Poco::Net::HTTPServerRequest& request,
                                      Poco::Net::HTTPServerResponse& response) {
    const auto started = std::chrono::steady_clock::now();
    AccessRecord record;
    record.request_id = crypto::toHex(crypto::randomBytes(8));
    record.method = request.getMethod();
    record.route = "unmatched";
    record.actor = "anonymous";
    record.remote_addr = request.clientAddress().host().toString();

    int status = 500;
    std::string content_type = "application/json; charset=utf-8";
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers;
    // Poco decides first (client wish, server setting, requests left on this connection).
    bool keep_alive = response.getKeepAlive();
    bool body_read = false;
    try {
        const std::string path = rawPath(request.getURI());
        RouteMatch match = deps_.router.match(request.getMethod(), path);
        const Route& route = *match.route;
        record.route = route.pattern;
        auth::Principal principal = authenticate(request, route);
        record.actor = principal.actor();
        authorize(principal, route, request, record.remote_addr);
        std::string body_text = readBody(request, route.max_body_bytes);
        body_read = true;
        RequestDeadlines::requestRead();
        RequestContext ctx(request, route, std::move(match.params), std::move(principal),
                           record.remote_addr, std::move(body_text));
        std::string key = request.get("Idempotency-Key", "");
        if (route.idempotent && request.has("Idempotency-Key"))
            runIdempotent(ctx, key, path);
        else
            route.handle(ctx);
        status = ctx.status();
        content_type = ctx.contentType();
        body = ctx.responseBody();
        headers = ctx.headers();
    } catch (const Error& e) {
        status = statusFor(e.kind());
        body = errorBody(e);
        record.error_code = e.code();
        if (e.kind() == ErrorKind::TooManyRequests) headers.emplace_back("Retry-After", "30");
    } catch (const std::exception& e) {
        // Only the type goes to the log: a foreign exception's text may quote input.
        Poco::Logger::get("rxdesk.http").error("request " + record.request_id +
                                               " failed with " + typeid(e).name());
        Error internal(ErrorKind::Internal, "internal_error", "サーバー内部でエラーが発生しました");
        status = 500;
        body = errorBody(internal);
        record.error_code = internal.code();
        keep_alive = false;
    } catch (...) {
        Poco::Logger::get("rxdesk.http").error("request " + record.request_id + " failed");
        Error internal(ErrorKind::Internal, "internal_error", "サーバー内部でエラーが発生しました");
        status = 500;
        body = errorBody(internal);
        record.error_code = internal.code();
        keep_alive = false;
    }

    // A request refused before its body was read leaves that body on the connection, where
    // it would be taken for the next request: close the connection instead.
    if (!body_read && (request.hasContentLength() ? request.getContentLength64() > 0
                                                   : request.getChunkedTransferEncoding()))
        keep_alive = false;

    try {
        response.setStatusAndReason(Poco::Net::HTTPResponse::HTTPStatus(status));
        addSecurityHeaders(response, deps_.https);
        response.set("X-Request-Id", record.request_id);
        if (!response.has("Cache-Control")) response.set("Cache-Control", "no-store");
        for (const auto& [name, value] : headers) response.add(name, value);
        response.setKeepAlive(keep_alive);
        if (status == 204 || status == 304) {
            response.setContentLength(0);
            response.send();
        } else {
            response.setContentType(content_type);
            response.setContentLength64(std::int64_t(body.size()));
            std::ostream& out = response.send();
            if (request.getMethod() != "HEAD") out.write(body.data(), std::streamsize(body.size()));
        }
    } catch (...) {
        // The client went away; nothing more to do for it.
    }
    RequestDeadlines::responseSent();

    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    record.status = status;
    record.duration_ms = seconds * 1000.0;
    record.response_bytes = body.size();
    deps_.metrics.observe(record.route, record.method, status, seconds, record.error_code);
    AccessLog::write(record);
}

}  // namespace rxdesk::http
