#include <gtest/gtest.h>

#include "core/Error.h"
#include "http/Router.h"

using namespace rxdesk;
using namespace rxdesk::http;

namespace {

Router sample() {
    Router r;
    r.add({"GET", "/api/v1/users", auth::Permission::UserManage, 0, false, false, {}});
    r.add({"POST", "/api/v1/users", auth::Permission::UserManage, 0, false, false, {}});
    r.add({"POST", "/api/v1/users/{login}/disable", auth::Permission::UserManage, 0, false, false, {}});
    return r;
}

ErrorKind kindOf(const Router& r, const std::string& method, const std::string& path) {
    try {
        r.match(method, path);
    } catch (const Error& e) {
        return e.kind();
    }
    return ErrorKind::Internal;
}

}  // namespace

TEST(Router, MatchesMethodAndPatternAndDecodesPlaceholders) {
    Router r = sample();
    auto m = r.match("POST", "/api/v1/users/y%61mada/disable");
    EXPECT_EQ(m.route->pattern, "/api/v1/users/{login}/disable");
    EXPECT_EQ(m.params.at("login"), "yamada");
    EXPECT_EQ(r.match("GET", "/api/v1/users").route->method, "GET");
    EXPECT_EQ(r.match("HEAD", "/api/v1/users").route->method, "GET");
}

TEST(Router, TellsUnknownPathsFromUnknownMethods) {
    Router r = sample();
    EXPECT_EQ(kindOf(r, "GET", "/api/v1/nothing"), ErrorKind::NotFound);
    EXPECT_EQ(kindOf(r, "GET", "/api/v1/users/x/disable"), ErrorKind::MethodNotAllowed);
    EXPECT_EQ(kindOf(r, "DELETE", "/api/v1/users"), ErrorKind::MethodNotAllowed);
    EXPECT_EQ(kindOf(r, "POST", "/api/v1/users//disable"), ErrorKind::NotFound);
    EXPECT_EQ(kindOf(r, "GET", "/api/v1/users/"), ErrorKind::NotFound);
    EXPECT_EQ(kindOf(r, "GET", "api/v1/users"), ErrorKind::NotFound);
    EXPECT_EQ(kindOf(r, "POST", "/api/v1/users/%zz/disable"), ErrorKind::NotFound);
}
