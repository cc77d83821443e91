#include <gtest/gtest.h>

#include <regex>

#include "auth/PermissionTable.h"
#include "support/TestServer.h"

using namespace rxdesk;
using namespace rxdesk::testing;

// Walks every route of the real router with every kind of caller and checks the answer
// against the permission table: anonymous → 401 on protected routes, a caller without the
// permission → 403, a caller with it → anything but 401/403.
TEST(AccessMatrix, EveryRouteAgainstEveryRoleAndClientKind) {
    TestServer server;
    struct Caller {
        std::string name;
        auth::Principal principal;
        std::function<TestClient()> connect;
    };
    std::vector<Caller> callers;
    callers.push_back({"anonymous", auth::Principal::anonymous(), [&] { return server.client(); }});
    int n = 0;
    for (auth::Role role : {auth::Role::Pharmacist, auth::Role::Clerk, auth::Role::Delivery, auth::Role::Admin}) {
        auth::Principal p;
        p.kind = auth::Principal::Kind::User;
        p.role = role;
        callers.push_back({std::string(auth::roleName(role)), p, [&server, role, &n] {
                               return server.loggedIn(server.createStaff("user" + std::to_string(++n), role));
                           }});
    }
    for (auth::ClientKind kind : {auth::ClientKind::Clinic, auth::ClientKind::FaxGateway}) {
        auth::Principal p;
        p.kind = auth::Principal::Kind::Client;
        p.client_kind = kind;
        callers.push_back({std::string(auth::clientKindName(kind)), p, [&server, kind] {
                               return server.apiClient(kind, kind == auth::ClientKind::Clinic ? "1312345678" : "");
                           }});
    }

    const auto routes = server.services().router().routes();
    ASSERT_GE(routes.size(), 12u);
    for (const auto& route : routes) {
        std::string path = std::regex_replace(route.pattern, std::regex("\\{[^}]+\\}"), "999");
        for (const auto& caller : callers) {
            SCOPED_TRACE(route.method + " " + route.pattern + " as " + caller.name);
            TestClient client = caller.connect();
            Response r = client.request(route.method, path, route.method == "GET" ? "" : "{}");
            if (route.permission == auth::Permission::Public) {
                EXPECT_NE(r.status, 401);
                EXPECT_NE(r.status, 403);
            } else if (caller.principal.kind == auth::Principal::Kind::Anonymous) {
                EXPECT_EQ(r.status, 401);
            } else if (auth::PermissionTable::allows(caller.principal, route.permission)) {
                EXPECT_NE(r.status, 401) << r.body;
                EXPECT_NE(r.status, 403) << r.body;
            } else {
                EXPECT_EQ(r.status, 403) << r.body;
            }
        }
    }
}
