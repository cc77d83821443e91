#include "http/Router.h"

#include <Poco/URI.h>

#include "core/Error.h"

namespace rxdesk::http {
namespace {

std::vector<std::string> segments(const std::string& path) {
    std::vector<std::string> out;
    size_t start = 1;
    while (start <= path.size()) {
        size_t end = path.find('/', start);
        if (end == std::string::npos) end = path.size();
        out.push_back(path.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

bool matchPattern(const std::string& pattern, const std::vector<std::string>& path,
                  std::map<std::string, std::string>& params) {
    auto parts = segments(pattern);
    if (parts.size() != path.size()) return false;
    std::map<std::string, std::string> found;
    for (size_t i = 0; i < parts.size(); ++i) {
        const std::string& p = parts[i];
        if (p.size() > 2 && p.front() == '{' && p.back() == '}') {
            if (path[i].empty()) return false;
            std::string decoded;
            try {
                Poco::URI::decode(path[i], decoded);
            } catch (...) {
                return false;
            }
            found[p.substr(1, p.size() - 2)] = decoded;
        } else if (p != path[i]) {
            return false;
        }
    }
    params = std::move(found);
    return true;
}

}  // namespace

void Router::add(Route route) { routes_.push_back(std::move(route)); }

RouteMatch Router::match(const std::string& method, const std::string& path) const {
    if (path.empty() || path[0] != '/')
        throw Error(ErrorKind::NotFound, "route_not_found", "そのような API はありません");
    auto parts = segments(path);
    bool path_known = false;
    for (const Route& route : routes_) {
        std::map<std::string, std::string> params;
        if (!matchPattern(route.pattern, parts, params)) continue;
        if (route.method == method || (method == "HEAD" && route.method == "GET"))
            return RouteMatch{&route, std::move(params)};
        path_known = true;
    }
    if (path_known)
        throw Error(ErrorKind::MethodNotAllowed, "method_not_allowed",
                    "この API はそのメソッドに対応していません");
    throw Error(ErrorKind::NotFound, "route_not_found", "そのような API はありません");
}

}  // namespace rxdesk::http
