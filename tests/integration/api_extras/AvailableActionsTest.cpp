#include <Poco/JSON/Array.h>
#include <gtest/gtest.h>

#include "http/RequestContext.h"
#include "intake/IntakeService.h"
#include "integration/intake/IntakeFixture.h"
#include "prescription_json/PrescriptionJson.h"

using namespace rxdesk;
using namespace rxdesk::testing;

namespace {

using Actions = std::vector<std::string>;

struct Walk {
    IntakeFixture f;
    TestClient pharmacist = f.server.loggedIn(f.pharmacist);
    TestClient clerk = f.server.loggedIn(f.clerk);
    std::string path;
    int version = 1;

    /// Pushes `rx` as the clinic (channel clinic_api: misdirectable).
    void submit(const prescription::Prescription& rx) {
        Poco::JSON::Object o;
        o.set("client_reference", "actions-1");
        o.set("prescription", prescription_json::encodePrescription(rx));
        Response r = f.clinic.post("/api/v1/prescriptions", http::toJson(o));
        ASSERT_EQ(r.status, 201) << r.body;
        path = "/api/v1/prescriptions/" + std::to_string(r.json()->getValue<int>("id"));
        EXPECT_FALSE(r.json()->has("available_actions"))
            << "clinics are told nothing of the workflow";
    }

    static Actions actionsOf(const Poco::JSON::Object::Ptr& view) {
        Actions out;
        auto list = view->getArray("available_actions");
        if (!list) return {"<missing>"};
        for (size_t i = 0; i < list->size(); ++i) {
            auto a = list->getObject(i);
            EXPECT_FALSE(a->getValue<std::string>("label").empty());
            out.push_back(a->getValue<std::string>("action"));
        }
        return out;
    }

    Actions offered(TestClient& who) {
        Response r = who.get(path);
        EXPECT_EQ(r.status, 200) << r.body;
        return actionsOf(r.json());
    }

    /// Takes a step the pharmacist was offered; the answer offers the next ones.
    Actions take(const std::string& action) {
        Actions before = offered(pharmacist);
        EXPECT_NE(std::find(before.begin(), before.end(), action), before.end())
            << action << " was not offered";
        Response r = pharmacist.post(path + "/actions/" + action,
                                     "{\"version\":" + std::to_string(version) + "}");
        EXPECT_EQ(r.status, 200) << action << ": " << r.body;
        version = r.json()->getValue<int>("version");
        return actionsOf(r.json());
    }
};

}  // namespace

TEST(AvailableActions, FollowTheLifecycleForEachRole) {
    Walk w;
    w.submit(w.f.prescription());
    struct Step {
        const char* take;  // "" for the starting state
        const char* state;
        Actions pharmacist;
        Actions clerk;
    } steps[] = {
        {"",
         "received",
         {"verify", "open_inquiry", "hold", "cancel", "mark_misdirected"},
         {"hold", "cancel"}},
        {"open_inquiry",
         "inquiry",
         {"resolve_inquiry", "hold", "cancel", "mark_misdirected"},
         {"hold", "cancel"}},
        {"resolve_inquiry",
         "received",
         {"verify", "open_inquiry", "hold", "cancel", "mark_misdirected"},
         {"hold", "cancel"}},
        {"verify",
         "verified",
         {"open_inquiry", "dispense", "hold", "cancel", "mark_misdirected"},
         {"hold", "cancel"}},
        {"hold",
         "on_hold",
         {"release_hold", "cancel", "mark_misdirected"},
         {"release_hold", "cancel"}},
        {"release_hold",
         "verified",
         {"open_inquiry", "dispense", "hold", "cancel", "mark_misdirected"},
         {"hold", "cancel"}},
        {"dispense",
         "dispensed",
         {"open_inquiry", "record_guidance", "hold", "cancel"},
         {"hold", "cancel"}},
        {"record_guidance",
         "guided",
         {"hand_over", "ship", "hold", "cancel"},
         {"hand_over", "ship", "hold", "cancel"}},
        {"ship", "shipped", {"confirm_delivery"}, {"confirm_delivery"}},
        {"confirm_delivery", "delivered", {"complete"}, {"complete"}},
        {"complete", "completed", {}, {}},
    };
    for (const auto& step : steps) {
        SCOPED_TRACE(step.state);
        if (*step.take) {
            Actions after = w.take(step.take);
            EXPECT_EQ(after, step.pharmacist) << "the action's answer offers the next steps";
        }
        EXPECT_EQ(w.pharmacist.get(w.path).json()->getValue<std::string>("status"), step.state);
        EXPECT_EQ(w.offered(w.pharmacist), step.pharmacist);
        EXPECT_EQ(w.offered(w.clerk), step.clerk);
    }
}

TEST(AvailableActions, LeaveOutWhatAGuardWouldRefuse) {
    Walk w;
    auto expired = w.f.prescription();
    expired.issue_date = tokyoDate(w.f.server.clock().now() - std::chrono::hours(24 * 10));
    w.submit(expired);
    EXPECT_EQ(w.offered(w.pharmacist),
              (Actions{"open_inquiry", "hold", "cancel", "mark_misdirected"}))
        << "an unresolved error blocks verify";
    EXPECT_EQ(w.pharmacist.post(w.path + "/actions/verify", "{\"version\":1}").status, 409)
        << "and verify is indeed refused";

    // A counter scan cannot have been sent to the wrong pharmacy.
    Response scan =
        w.clerk.request("POST", "/api/v1/scans", w.f.faxOf(w.f.prescription("S1")), "image/tiff");
    ASSERT_EQ(scan.status, 201) << scan.body;
    EXPECT_EQ(Walk::actionsOf(scan.json()), (Actions{"hold", "cancel"}));
    std::string scan_path =
        "/api/v1/prescriptions/" + std::to_string(scan.json()->getValue<int>("id"));
    EXPECT_EQ(Walk::actionsOf(w.pharmacist.get(scan_path).json()),
              (Actions{"verify", "open_inquiry", "hold", "cancel"}));
}

TEST(AvailableActions, NoneForPrincipalsWhoCannotTakeSteps) {
    intake::PrescriptionRecord r;
    r.channel = prescription::Channel::Fax;
    r.status = "received";
    auto user = [](auth::Role role) {
        auth::Principal p;
        p.kind = auth::Principal::Kind::User;
        p.id = 1;
        p.role = role;
        return p;
    };
    auth::Principal clinic;
    clinic.kind = auth::Principal::Kind::Client;
    clinic.client_kind = auth::ClientKind::Clinic;
    EXPECT_TRUE(intake::availableActions(r, user(auth::Role::Admin)).empty());
    EXPECT_TRUE(intake::availableActions(r, user(auth::Role::Delivery)).empty())
        << "delivery staff confirm deliveries through custody events, not this route";
    EXPECT_TRUE(intake::availableActions(r, clinic).empty());
    EXPECT_TRUE(intake::availableActions(r, auth::Principal::system("cli")).empty());
    EXPECT_EQ(intake::availableActions(r, user(auth::Role::Pharmacist)).size(), 5u);
}
