#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "support/TestServer.h"

using namespace rxdesk;
using namespace rxdesk::testing;

namespace {

void write(const std::string& path, const std::string& text) {
    std::filesystem::create_directories(std::filesystem::path(path).parent_path());
    std::ofstream(path) << text;
}

}  // namespace

TEST(StaticFiles, ServesTheWebRootAndNothingOutsideIt) {
    TempDir web;
    write(web.path() + "/root/index.html", "<!doctype html><title>rxdesk</title>");
    write(web.path() + "/root/js/app.js", "export const ok = 1;");
    write(web.path() + "/secret.txt", "outside the root");
    std::filesystem::create_symlink(web.path() + "/secret.txt", web.path() + "/root/link.txt");
    TestServerOptions options;
    options.settings = [&](app::Settings& s) { s.web_root = web.path() + "/root"; };
    TestServer server(options);
    TestClient c = server.client();

    Response index = c.get("/");
    EXPECT_EQ(index.status, 200);
    EXPECT_EQ(index.header("Content-Type"), "text/html; charset=utf-8");
    EXPECT_NE(index.header("Content-Security-Policy").find("script-src 'self'"), std::string::npos);
    EXPECT_EQ(c.get("/queue").body, index.body) << "client-side routes get the app";
    Response js = c.get("/js/app.js");
    EXPECT_EQ(js.status, 200);
    EXPECT_EQ(js.header("Content-Type"), "text/javascript; charset=utf-8");
    EXPECT_EQ(js.body, "export const ok = 1;");

    for (const char* bad : {"/../secret.txt", "/js/../../secret.txt", "/%2e%2e/secret.txt", "/link.txt", "/missing.js"}) {
        Response r = c.get(bad);
        EXPECT_EQ(r.status, 404) << bad;
        EXPECT_EQ(r.body.find("outside the root"), std::string::npos) << bad;
    }
    EXPECT_EQ(c.post("/index.html", "{}").status, 405);
    EXPECT_EQ(c.get("/api/v1/nothing").errorCode(), "route_not_found") << "the API is not shadowed";
}
