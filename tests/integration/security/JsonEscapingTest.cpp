// JSON answers escape '<', '>' and '&' (as \u003c, \u003e, \u0026), so no JSON answer can
// be sniffed or embedded as HTML, whatever text patients' names or remarks hold.
#include <Poco/JSON/Parser.h>
#include <gtest/gtest.h>

#include "http/ErrorResponse.h"
#include "http/JsonWriter.h"
#include "integration/hostile/HostileFixture.h"

using namespace rxdesk;
using namespace rxdesk::testing;

namespace {

bool hasRawMarkup(const std::string& s) {
    return s.find_first_of("<>&") != std::string::npos;
}

}  // namespace

TEST(JsonEscaping, MarkupCharactersAreWrittenAsUnicodeEscapesAndReadBackUnchanged) {
    struct Case {
        std::string text;
        std::string written;
    } cases[] = {
        {"<", R"({"v":"\u003c"})"},
        {">", R"({"v":"\u003e"})"},
        {"&", R"({"v":"\u0026"})"},
        {"a<b>&c", R"({"v":"a\u003cb\u003e\u0026c"})"},
        {"山田 <太郎>", R"({"v":"山田 \u003c太郎\u003e"})"},
        {"plain", R"({"v":"plain"})"},
    };
    for (const auto& c : cases) {
        Poco::JSON::Object o;
        o.set("v", c.text);
        std::string json = http::writeJson(o);
        EXPECT_EQ(json, c.written) << c.text;
        auto back = Poco::JSON::Parser().parse(json).extract<Poco::JSON::Object::Ptr>();
        EXPECT_EQ(back->getValue<std::string>("v"), c.text);
    }
    // Keys too, and nested objects.
    Poco::JSON::Object inner;
    inner.set("<k>", "&amp;");
    Poco::JSON::Object outer;
    outer.set("o", inner);
    EXPECT_FALSE(hasRawMarkup(http::writeJson(outer))) << http::writeJson(outer);
    EXPECT_FALSE(hasRawMarkup(http::toJson(outer))) << "toJson is the same writer";
}

TEST(JsonEscaping, ErrorBodiesAreEscapedToo) {
    std::string body =
        http::errorBody(Error(ErrorKind::BadRequest, "x", "<script>alert(1)</script>&", "<f>"));
    EXPECT_FALSE(hasRawMarkup(body)) << body;
    auto error =
        Poco::JSON::Parser().parse(body).extract<Poco::JSON::Object::Ptr>()->getObject("error");
    EXPECT_EQ(error->getValue<std::string>("message"), "<script>alert(1)</script>&");
    EXPECT_EQ(error->getValue<std::string>("field"), "<f>");
}

TEST(JsonEscaping, AnswersOverHttpsCarryNoRawMarkupCharacters) {
    HostileFixture f;
    const std::string evil = "</script><img src=x onerror=alert(1)>&amp;";
    auto o = f.submissionObject("markup-1");
    o->getObject("prescription")->getObject("patient")->set("name_kanji", evil);
    Response created = f.clinic.post("/api/v1/prescriptions", http::toJson(*o));
    ASSERT_EQ(created.status, 201) << created.body;
    const std::string path =
        "/api/v1/prescriptions/" + std::to_string(created.json()->getValue<int>("id"));
    TestClient pharmacist = f.server.loggedIn(f.pharmacist);
    for (const std::string& url :
         {path, std::string("/api/v1/prescriptions"), std::string("/api/v1/prescriptions?q=%3C")}) {
        Response r = pharmacist.get(url);
        ASSERT_EQ(r.status, 200) << url;
        EXPECT_EQ(r.header("Content-Type"), "application/json; charset=utf-8");
        EXPECT_FALSE(hasRawMarkup(r.body)) << url << ": " << r.body.substr(0, 300);
    }
    Response view = pharmacist.get(path);
    EXPECT_NE(view.body.find("\\u003c/script\\u003e\\u003cimg"), std::string::npos);
    EXPECT_EQ(view.json()
                  ->getObject("prescription")
                  ->getObject("patient")
                  ->getValue<std::string>("name_kanji"),
              evil)
        << "the client reads back exactly what was sent";
    // Replayed idempotent answers are the stored (escaped) text.
    std::map<std::string, std::string> key{{"Idempotency-Key", "markup-replay-1"}};
    auto o2 = f.submissionObject("markup-2");
    o2->getObject("prescription")->getObject("patient")->set("name_kanji", evil);
    Response first = f.clinic.request("POST", "/api/v1/prescriptions", http::toJson(*o2),
                                      "application/json", key);
    Response replay = f.clinic.request("POST", "/api/v1/prescriptions", http::toJson(*o2),
                                       "application/json", key);
    ASSERT_EQ(first.status, 201) << first.body;
    EXPECT_EQ(replay.header("Idempotent-Replayed"), "true");
    EXPECT_FALSE(hasRawMarkup(replay.body));
}
