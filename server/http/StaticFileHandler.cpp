#include "http/StaticFileHandler.h"

#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/Error.h"
#include "http/ErrorResponse.h"
#include "http/RequestDeadlines.h"
#include "http/SecurityHeaders.h"

namespace fs = std::filesystem;

namespace rxdesk::http {
namespace {

void sendError(Poco::Net::HTTPServerResponse& response, const Error& error) {
    std::string body = errorBody(error);
    response.setStatusAndReason(Poco::Net::HTTPResponse::HTTPStatus(statusFor(error.kind())));
    response.setContentType("application/json; charset=utf-8");
    response.set("Cache-Control", "no-store");
    response.setContentLength64(std::int64_t(body.size()));
    response.send() << body;
}

}  // namespace

std::string StaticFileHandler::contentTypeFor(const std::string& path) {
    std::string ext = fs::path(path).extension().string();
    if (ext == ".html") return "text/html; charset=utf-8";
    if (ext == ".js" || ext == ".mjs") return "text/javascript; charset=utf-8";
    if (ext == ".css") return "text/css; charset=utf-8";
    if (ext == ".json") return "application/json; charset=utf-8";
    if (ext == ".svg") return "image/svg+xml";
    if (ext == ".png") return "image/png";
    if (ext == ".ico") return "image/x-icon";
    if (ext == ".woff2") return "font/woff2";
    return "application/octet-stream";
}

void StaticFileHandler::handleRequest(Poco::Net::HTTPServerRequest& request,
                                      Poco::Net::HTTPServerResponse& response) {
    RequestDeadlines::requestRead();
    try {
        addSecurityHeaders(response, https_);
        if (request.getMethod() != "GET" && request.getMethod() != "HEAD")
            throw Error(ErrorKind::MethodNotAllowed, "method_not_allowed",
                        "このパスは GET のみ対応しています");
        std::string path = request.getURI().substr(0, request.getURI().find_first_of("?#"));
        if (path.find("..") != std::string::npos || path.find('\\') != std::string::npos ||
            path.find('\0') != std::string::npos)
            throw Error(ErrorKind::NotFound, "not_found", "ファイルが見つかりません");
        std::error_code ec;
        fs::path root = fs::canonical(root_, ec);
        if (ec) throw Error(ErrorKind::NotFound, "not_found", "ファイルが見つかりません");
        fs::path wanted = root / path.substr(1);
        if (path == "/" || (!fs::exists(wanted) && fs::path(path).extension().empty()))
            wanted = root / "index.html";  // client-side routes
        fs::path file = fs::canonical(wanted, ec);
        auto [r, f] = std::mismatch(root.begin(), root.end(), file.begin(), file.end());
        if (ec || r != root.end() || !fs::is_regular_file(file))
            throw Error(ErrorKind::NotFound, "not_found", "ファイルが見つかりません");
        std::ifstream in(file, std::ios::binary);
        std::ostringstream content;
        content << in.rdbuf();
        std::string body = content.str();
        response.setStatusAndReason(Poco::Net::HTTPResponse::HTTP_OK);
        response.setContentType(contentTypeFor(file.string()));
        // The UI's files hold no patient data; revalidate so an update shows at once.
        response.set("Cache-Control", "no-cache");
        response.setContentLength64(std::int64_t(body.size()));
        std::ostream& out = response.send();
        if (request.getMethod() == "GET") out << body;
    } catch (const Error& e) {
        sendError(response, e);
    } catch (...) {
        sendError(response, Error(ErrorKind::Internal, "internal_error", "サーバー内部でエラーが発生しました"));
    }
    RequestDeadlines::responseSent();
}

}  // namespace rxdesk::http
