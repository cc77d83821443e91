#include <Poco/Net/SecureStreamSocket.h>
#include <gtest/gtest.h>

#include "integration/intake/IntakeFixture.h"

using namespace rxdesk;
using namespace rxdesk::testing;

// A 50 MB upload is refused from its headers alone: the answer comes before the body is sent.
TEST(IntakeBadInput, AHugeUploadIsRefusedBeforeItsBodyIsRead) {
    IntakeFixture f;
    Poco::Net::SecureStreamSocket socket(Poco::Net::SocketAddress("127.0.0.1", Poco::UInt16(f.server.port())),
                                         insecureClientContext());
    socket.setReceiveTimeout(Poco::Timespan(10, 0));
    std::string head = "POST /api/v1/faxes HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " +
                       f.gateway.bearer + "\r\nContent-Type: image/tiff\r\nContent-Length: 52428800\r\n\r\n";
    socket.sendBytes(head.data(), int(head.size()));
    char buffer[4096];
    int n = socket.receiveBytes(buffer, sizeof buffer);
    std::string answer(buffer, size_t(std::max(n, 0)));
    EXPECT_EQ(answer.rfind("HTTP/1.1 413", 0), 0u) << answer;
    EXPECT_NE(answer.find("payload_too_large"), std::string::npos);
    EXPECT_EQ(f.count("prescriptions"), 0);
    EXPECT_EQ(f.server.client().get("/healthz").status, 200);
}

// Every bad input: a clear 4xx with a code, nothing stored, the server still serving.
TEST(IntakeBadInput, RefusedCleanlyWithNothingStored) {
    IntakeFixture f;
    using namespace imaging::fixtures;
    std::string fax = f.faxOf(f.prescription());
    struct Case {
        std::string name;
        std::string content_type;
        std::string body;
        int status;
        std::string code;
    } cases[] = {
        {"truncated TIFF", "image/tiff", fax.substr(0, fax.size() / 3), 400, "image_corrupt"},
        {"garbage", "image/tiff", std::string(5000, '\x42'), 415, "unsupported_media_type"},
        {"PDF bomb (10,000 pages)", "application/pdf", minimalPdf(10000, 595, 842), 400, "too_many_pages"},
        {"decompression bomb", "image/png", pngClaiming(100000, 100000), 400, "image_too_large"},
        {"wrong content type", "text/plain", fax, 415, "unsupported_media_type"},
        {"empty", "image/tiff", "", 400, "empty_body"},
    };
    for (const auto& c : cases) {
        Response r = f.gateway.request("POST", "/api/v1/faxes", c.body, c.content_type);
        EXPECT_EQ(r.status, c.status) << c.name << ": " << r.body;
        EXPECT_EQ(r.errorCode(), c.code) << c.name;
        EXPECT_EQ(f.count("prescriptions"), 0) << c.name;
        EXPECT_EQ(f.server.client().get("/healthz").status, 200) << c.name;
    }
    EXPECT_EQ(f.gateway.request("POST", "/api/v1/faxes", fax, "image/tiff", {{"X-Fax-Sender", "03; DROP TABLE"}}).errorCode(),
              "invalid_field");
    EXPECT_EQ(f.gateway.request("POST", "/api/v1/faxes", fax, "image/tiff", {{"X-Fax-Received-At", "yesterday"}}).errorCode(),
              "invalid_field");

    struct JsonCase {
        std::string name;
        std::string body;
        std::string code;
    } json_cases[] = {
        {"not JSON", "{", "invalid_json"},
        {"wrong types", R"({"client_reference":5,"jahis":"x"})", "invalid_field"},
        {"neither content", R"({"client_reference":"a"})", "missing_field"},
        {"invalid UTF-8", "{\"client_reference\":\"\xff\",\"jahis\":\"JAHIS10\"}", "invalid_encoding"},
        {"not JAHIS", R"({"client_reference":"b","jahis":"hello"})", "invalid_field"},
    };
    for (const auto& c : json_cases) {
        Response r = f.clinic.post("/api/v1/prescriptions", c.body);
        EXPECT_EQ(r.status, 400) << c.name << ": " << r.body;
        EXPECT_EQ(r.errorCode(), c.code) << c.name;
    }
    EXPECT_EQ(f.count("prescriptions"), 0);
    EXPECT_EQ(f.count("prescription_pages"), 0);
    EXPECT_EQ(f.sendFax(fax).status, 201) << "and it still takes good faxes";
}
