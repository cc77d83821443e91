#include <gtest/gtest.h>

#include <string>

#include "JsonTestSupport.h"
#include "core/Error.h"
#include "prescription_json/PrescriptionJson.h"
#include "prescription_json/Submission.h"

namespace rxdesk::prescription_json {
namespace {

using namespace rxdesk::prescription;
using testing::kValidPrescriptionJson;
using testing::parseObject;
using testing::stringify;

const std::string kJahisJson =
    R"("JAHIS10\r\n1,1,1234567,13,医療法人 工業会病院\r\n51,20261120\r\n")";

std::string structuredBody(const std::string& extra = "") {
    return R"({"client_reference": "K-2026-000123", "prescription": )" + kValidPrescriptionJson +
           extra + "}";
}

std::string jahisBody(const std::string& extra = "") {
    return R"({"client_reference": "K-2026-000124", "jahis": )" + kJahisJson + extra + "}";
}

TEST(PrescriptionJsonSubmission, ReadsAStructuredPrescription) {
    const Submission s = decodeSubmission(structuredBody());
    EXPECT_EQ(s.client_reference, "K-2026-000123");
    ASSERT_TRUE(s.structured);
    EXPECT_FALSE(s.jahis_text);
    EXPECT_FALSE(s.image_base64);
    EXPECT_EQ(*s.structured, decodePrescription(*parseObject(kValidPrescriptionJson)));
    // Online facts sent inside the prescription are reported on the envelope too.
    EXPECT_EQ(s.online.initial_visit, false);
    EXPECT_EQ(s.online.underlying_conditions_known, true);
}

TEST(PrescriptionJsonSubmission, ReadsJahisTextWithOnlineFactsAndImage) {
    const Submission s = decodeSubmission(jahisBody(
        R"(, "online": {"initial_visit": true}, "image": {"media_type": "image/tiff", "data": "SUkqAA=="})"));
    EXPECT_EQ(s.client_reference, "K-2026-000124");
    EXPECT_FALSE(s.structured);
    ASSERT_TRUE(s.jahis_text);
    EXPECT_EQ(*s.jahis_text, "JAHIS10\r\n1,1,1234567,13,医療法人 工業会病院\r\n51,20261120\r\n");
    EXPECT_EQ(s.online.initial_visit, true);
    EXPECT_FALSE(s.online.underlying_conditions_known);
    EXPECT_EQ(s.image_media_type, "image/tiff");
    EXPECT_EQ(s.image_base64, "SUkqAA==");
}

TEST(PrescriptionJsonSubmission, AppliesEnvelopeOnlineFactsToTheStructuredPrescription) {
    auto prescription = parseObject(kValidPrescriptionJson);
    prescription->remove("online");
    const std::string body = R"({"client_reference": "K-1", "online": {"initial_visit": true,
        "underlying_conditions_known": false}, "prescription": )" +
                             stringify(*prescription) + "}";
    const Submission s = decodeSubmission(body);
    ASSERT_TRUE(s.structured);
    EXPECT_EQ(s.structured->online.initial_visit, true);
    EXPECT_EQ(s.structured->online.underlying_conditions_known, false);
    EXPECT_EQ(s.online, s.structured->online);
}

std::string deeplyNested() {
    std::string s = R"({"client_reference": "K-1", "jahis": )";
    for (int i = 0; i < 200; ++i) s += "[";
    for (int i = 0; i < 200; ++i) s += "]";
    return s + "}";
}

TEST(PrescriptionJsonSubmission, RejectsBadEnvelopes) {
    struct Case {
        std::string body;
        const char* code;
        const char* field;
    };
    const Case cases[] = {
        {"", "invalid_json", ""},
        {R"({"client_reference": "K-1", "jahis": "JAHIS10"} trailing)", "invalid_json", ""},
        {R"({"client_reference": "K-1", "prescription": {"rps": [{"days": 99999999999999999999}]}})",
         "invalid_json", ""},
        {"{", "invalid_json", ""},
        {"[]", "invalid_json", ""},
        {"null", "invalid_json", ""},
        {R"("JAHIS10")", "invalid_json", ""},
        {"{\"client_reference\": \"K-1\", \"jahis\": \"JAHIS10\xFF\"}", "invalid_encoding", ""},
        {deeplyNested(), "invalid_json", ""},
        {"{}", "missing_field", "client_reference"},
        {R"({"client_reference": "K 1", "jahis": "JAHIS10"})", "invalid_field", "client_reference"},
        {R"({"client_reference": "受付1", "jahis": "JAHIS10"})", "invalid_field",
         "client_reference"},
        {R"({"client_reference": 17, "jahis": "JAHIS10"})", "invalid_field", "client_reference"},
        {R"({"client_reference": "K-1"})", "missing_field", "prescription"},
        {R"({"client_reference": "K-1", "prescription": null, "jahis": null})", "missing_field",
         "prescription"},
        {R"({"client_reference": "K-1", "prescription": {}, "jahis": "JAHIS10"})", "invalid_field",
         "jahis"},
        {R"({"client_reference": "K-1", "jahis": "1,1,1234567"})", "invalid_field", "jahis"},
        {R"({"client_reference": "K-1", "jahis": ["JAHIS10"]})", "invalid_field", "jahis"},
        {R"({"client_reference": "K-1", "jahis": "JAHIS10\u0000"})", "invalid_field", "jahis"},
        {R"({"client_reference": "K-1", "prescription": "JAHIS10"})", "invalid_field",
         "prescription"},
        {R"({"client_reference": "K-1", "prescription": {}})", "missing_field",
         "prescription.patient"},
        {R"({"client_reference": "K-1", "prescriptoin": {}})", "unknown_field", "prescriptoin"},
        {structuredBody(R"(, "online": {"initial_visit": true})"), "invalid_field", "online"},
        {jahisBody(R"(, "online": {"first_visit": true})"), "unknown_field", "online.first_visit"},
        {jahisBody(R"(, "image": {"media_type": "image/gif", "data": "R0lGOA=="})"),
         "invalid_field", "image.media_type"},
        {jahisBody(R"(, "image": {"media_type": "image/png", "data": "iVBORw0"})"), "invalid_field",
         "image.data"},
        {jahisBody(R"(, "image": {"media_type": "image/png", "data": "iVBO\nRw0="})"),
         "invalid_field", "image.data"},
        {jahisBody(R"(, "image": {"media_type": "image/png", "data": "iV=ORw0K"})"),
         "invalid_field", "image.data"},
        {jahisBody(R"(, "image": {"media_type": "image/png"})"), "missing_field", "image.data"},
        {jahisBody(R"(, "image": "iVBORw0K")"), "invalid_field", "image"},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.body.substr(0, 120));
        try {
            decodeSubmission(c.body);
            ADD_FAILURE() << "accepted";
        } catch (const Error& e) {
            EXPECT_EQ(e.kind(), ErrorKind::BadRequest);
            EXPECT_EQ(e.code(), c.code);
            EXPECT_EQ(e.field(), c.field);
        }
    }
}

TEST(PrescriptionJsonSubmission, PrefixesPrescriptionPaths) {
    auto prescription = parseObject(kValidPrescriptionJson);
    prescription->getArray("rps")->getObject(0)->set("days", 400);
    const std::string body =
        R"({"client_reference": "K-1", "prescription": )" + stringify(*prescription) + "}";
    try {
        decodeSubmission(body);
        FAIL() << "accepted";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), "invalid_field");
        EXPECT_EQ(e.field(), "prescription.rps[0].days");
    }
}

TEST(PrescriptionJsonSubmission, RoundTripsAnEncodedPrescription) {
    const Prescription p = testing::fullPrescription();
    const std::string body =
        R"({"client_reference": "K-9", "prescription": )" + stringify(encodePrescription(p)) + "}";
    const Submission s = decodeSubmission(body);
    ASSERT_TRUE(s.structured);
    EXPECT_EQ(*s.structured, p);
}

}  // namespace
}  // namespace rxdesk::prescription_json
