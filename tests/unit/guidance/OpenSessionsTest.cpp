#include <gtest/gtest.h>

#include "GuidanceTestSupport.h"
#include "guidance/OpenSessions.h"

namespace rxdesk::guidance {
namespace {

using test::at;

std::vector<OpenSession> running() {
    return {{"gs-1", "ph-1", "pt-1", at("2026-11-24T10:00:00+09:00")},
            {"gs-2", "ph-2", "pt-2", at("2026-11-24T10:02:00+09:00")}};
}

TEST(OpenSessions, OnePatientAtATimePerPharmacist) {
    struct Case {
        const char* pharmacist;
        const char* patient;
        const char* session;
        std::optional<std::string> code;
    } cases[] = {
        {"ph-3", "pt-3", "gs-3", std::nullopt},                       // free pharmacist
        {"ph-1", "pt-3", "gs-3", "pharmacist_session_already_open"},  // busy pharmacist
        {"ph-1", "pt-1", "gs-1", std::nullopt},                       // re-open: idempotent
        {"ph-3", "pt-2", "gs-3", "patient_session_already_open"},     // busy patient
        {"ph-2", "pt-1", "gs-3", "pharmacist_session_already_open"},  // pharmacist first
        {"ph-3", "", "gs-3", std::nullopt},                           // no patient id given
    };
    for (const auto& c : cases) {
        auto finding = checkCanOpenSession(running(), c.pharmacist, c.patient, c.session);
        ASSERT_EQ(finding.has_value(), c.code.has_value()) << c.pharmacist << " " << c.session;
        if (finding) {
            EXPECT_EQ(finding->code, *c.code);
            EXPECT_EQ(finding->severity, Severity::Error);
            EXPECT_FALSE(finding->message_ja.empty());
        }
    }
}

TEST(OpenSessions, NothingOpenMeansAnyoneMayStart) {
    EXPECT_FALSE(checkCanOpenSession({}, "ph-1", "pt-1", "gs-1").has_value());
}

TEST(OpenSessions, AuditFindsPharmacistsAndPatientsWithConcurrentSessions) {
    EXPECT_TRUE(findConcurrentSessions(running()).empty());
    auto open = running();
    open.push_back({"gs-3", "ph-1", "pt-3", at("2026-11-24T10:05:00+09:00")});
    open.push_back({"gs-4", "ph-1", "pt-4", at("2026-11-24T10:06:00+09:00")});
    open.push_back({"gs-5", "ph-5", "pt-2", at("2026-11-24T10:07:00+09:00")});
    auto findings = findConcurrentSessions(open);
    ASSERT_EQ(findings.size(), 2u);  // ph-1 once although it has three sessions
    EXPECT_EQ(findings[0].code, "pharmacist_sessions_concurrent");
    EXPECT_EQ(findings[0].field, "pharmacist_id:ph-1");
    EXPECT_EQ(findings[1].code, "patient_sessions_concurrent");
    EXPECT_EQ(findings[1].field, "patient_id:pt-2");
}

}  // namespace
}  // namespace rxdesk::guidance
