#pragma once

#include <map>
#include <string>
#include <vector>

#include "http/Route.h"

namespace rxdesk::http {

/// A matched route and the values of its {placeholders} (percent-decoded).
struct RouteMatch {
    const Route* route = nullptr;
    std::map<std::string, std::string> params;
};

/// Maps method + path to a route.
class Router {
public:
    void add(Route route);

    /// Throws Error(NotFound, "route_not_found") when no pattern matches the path and
    /// Error(MethodNotAllowed, "method_not_allowed") when the path matches with another
    /// method.
    RouteMatch match(const std::string& method, const std::string& path) const;

    const std::vector<Route>& routes() const { return routes_; }

private:
    std::vector<Route> routes_;
};

}  // namespace rxdesk::http
