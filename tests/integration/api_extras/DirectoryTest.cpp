#include <Poco/JSON/Array.h>
#include <gtest/gtest.h>

#include <set>

#include "integration/dispatch/DispatchFixture.h"
#include "reporting/ReportService.h"

using namespace rxdesk;
using namespace rxdesk::testing;

TEST(Pharmacists, AnyStaffMemberSeesActivePharmacistsByIdAndNameOnly) {
    IntakeFixture f;
    Staff sato = f.server.createStaff("sato", auth::Role::Pharmacist);
    Staff gone = f.server.createStaff("kato", auth::Role::Pharmacist);
    Staff courier = f.server.createStaff("ito", auth::Role::Delivery);
    Staff admin = f.server.createStaff("root1", auth::Role::Admin);
    TestClient admin_client = f.server.loggedIn(admin);
    ASSERT_EQ(admin_client.post("/api/v1/users/kato/disable").status, 204);

    for (Staff* who : {&f.clerk, &courier, &f.pharmacist, &admin}) {
        SCOPED_TRACE(who->login);
        TestClient client = f.server.loggedIn(*who);
        Response r = client.get("/api/v1/pharmacists");
        ASSERT_EQ(r.status, 200) << r.body;
        auto list = r.json()->getArray("pharmacists");
        std::set<std::int64_t> ids;
        for (size_t i = 0; i < list->size(); ++i) {
            auto p = list->getObject(i);
            std::vector<std::string> keys;
            p->getNames(keys);
            std::sort(keys.begin(), keys.end());
            EXPECT_EQ(keys, (std::vector<std::string>{"display_name", "id"}))
                << "no login, no role details";
            ids.insert(p->getValue<std::int64_t>("id"));
        }
        EXPECT_EQ(ids, (std::set<std::int64_t>{f.pharmacist.id, sato.id}))
            << "clerks, couriers, admins and disabled accounts left out";
        std::set<std::string> names;
        for (size_t i = 0; i < list->size(); ++i)
            names.insert(list->getObject(i)->getValue<std::string>("display_name"));
        EXPECT_EQ(names, (std::set<std::string>{"yamada さん", "sato さん"}));
    }
    EXPECT_EQ(f.clinic.get("/api/v1/pharmacists").status, 403);
    EXPECT_EQ(f.server.client().get("/api/v1/pharmacists").status, 401);
    (void)gone;
}

TEST(DayShipments, ListTheParcelsOfADayWithStatusMethodNumberAndMarks) {
    DispatchFixture f;
    f.importStandardDrugData();
    const std::string today = formatDate(tokyoDate(f.server.clock().now()));

    auto cold = f.guidedPrescription({DispatchFixture::item(drugs::kInsulin)});
    Response cold_shipment = f.ship(cold, "carrier");
    ASSERT_EQ(cold_shipment.status, 201) << cold_shipment.body;
    auto plain = f.guidedPrescription({DispatchFixture::item(drugs::kAmlodipine)});
    Response plain_shipment = f.ship(plain, "carrier");
    ASSERT_EQ(plain_shipment.status, 201) << plain_shipment.body;
    auto parcel = plain_shipment.json()->getObject("shipment")->getArray("parcels")->getObject(0);
    ASSERT_EQ(f.clerk
                  .post("/api/v1/parcels/" + std::to_string(parcel->getValue<std::int64_t>("id")) +
                            "/events",
                        R"({"kind":"packed"})")
                  .status,
              200);

    Response r = f.clerk.get("/api/v1/shipments?date=" + today);
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(r.json()->getValue<std::string>("date"), today);
    auto shipments = r.json()->getArray("shipments");
    ASSERT_EQ(shipments->size(), 2u);
    std::map<std::int64_t, Poco::JSON::Object::Ptr> by_rx;
    for (size_t i = 0; i < shipments->size(); ++i)
        by_rx[shipments->getObject(i)->getValue<std::int64_t>("prescription_id")] =
            shipments->getObject(i);

    auto cold_view = by_rx.at(cold);
    auto cold_parcel = cold_view->getArray("parcels")->getObject(0);
    EXPECT_EQ(cold_parcel->getValue<std::string>("method"), "carrier_chilled");
    EXPECT_EQ(cold_parcel->getValue<std::string>("parcel_number").size(), 12u);
    EXPECT_EQ(cold_parcel->getObject("custody")->getValue<std::string>("state"), "not_packed");
    auto marks = DispatchFixture::strings(cold_parcel->getArray("marks"), "mark");
    EXPECT_FALSE(marks.empty()) << "a cold parcel carries its handling mark";
    EXPECT_FALSE(cold_parcel->has("items")) << "the day's list leaves out what is inside";
    EXPECT_EQ(r.body.find("インスリン"), std::string::npos);
    EXPECT_EQ(cold_view->getObject("destination")->getValue<std::string>("name"), "山田 太郎")
        << "the destination as the shipment view shows it";
    EXPECT_EQ(cold_view->getValue<std::string>("prescription_status"), "guided");

    auto plain_parcel = by_rx.at(plain)->getArray("parcels")->getObject(0);
    EXPECT_EQ(plain_parcel->getValue<std::string>("method"), "carrier_normal");
    EXPECT_EQ(plain_parcel->getObject("custody")->getValue<std::string>("state"), "packed");

    // Audited per shipment with the patient's reference.
    {
        SQLite::Database raw(f.server.settings().databasePath(), SQLite::OPEN_READONLY);
        EXPECT_EQ(raw.execAndGet("SELECT COUNT(*) FROM audit_log WHERE action = 'shipment.list' "
                                 "AND patient_ref IS NOT NULL AND detail = 'date=" +
                                 today + "'")
                      .getInt(),
                  2);
    }

    Response other_day = f.clerk.get("/api/v1/shipments?date=2020-01-01");
    ASSERT_EQ(other_day.status, 200);
    EXPECT_EQ(other_day.json()->getArray("shipments")->size(), 0u);
    EXPECT_EQ(f.clerk.get("/api/v1/shipments?date=2026-13-01").errorCode(), "invalid_field");
    EXPECT_EQ(f.clerk.get("/api/v1/shipments").errorCode(), "invalid_field");
    EXPECT_EQ(f.courier.get("/api/v1/shipments?date=" + today).status, 403);
}

namespace {

// A value for each parameter the catalogue can ask for.
std::string valueFor(const std::string& name, const std::string& today) {
    if (name == "month") return today.substr(0, 7);
    if (name == "patient_ref") return "pt-0000";
    if (name == "prescription_id") return "1";
    return today;
}

}  // namespace

TEST(ReportCatalogue, ListsEveryReportWithWhatItTrulyRequires) {
    IntakeFixture f;
    TestClient pharmacist = f.server.loggedIn(f.pharmacist);
    const std::string today = formatDate(tokyoDate(f.server.clock().now()));
    Response r = pharmacist.get("/api/v1/reports");
    ASSERT_EQ(r.status, 200) << r.body;
    auto reports = r.json()->getArray("reports");

    std::vector<std::string> names;
    for (size_t i = 0; i < reports->size(); ++i) {
        auto report = reports->getObject(i);
        const std::string name = report->getValue<std::string>("name");
        SCOPED_TRACE(name);
        names.push_back(name);
        const std::string title = report->getValue<std::string>("title");
        EXPECT_NE(title, name) << "a Japanese title";
        EXPECT_FALSE(title.empty());
        EXPECT_EQ(DispatchFixture::strings(report->getArray("formats")),
                  (std::vector<std::string>{"pdf", "csv"}));

        // With every required parameter (and one of each required_one_of group) the report
        // is generated; without any one of them it is refused, naming that parameter.
        std::vector<std::string> required;
        auto params = report->getArray("parameters");
        for (size_t j = 0; j < params->size(); ++j) {
            auto p = params->getObject(j);
            EXPECT_FALSE(p->getValue<std::string>("label").empty());
            if (p->getValue<bool>("required")) required.push_back(p->getValue<std::string>("name"));
        }
        auto one_of = DispatchFixture::strings(report->getArray("required_one_of"));
        auto query = [&](const std::string& skip) {
            std::string q = "/api/v1/reports/" + name + "?format=csv";
            for (const auto& p : required)
                if (p != skip) q += "&" + p + "=" + valueFor(p, today);
            if (!one_of.empty() && skip != "one_of")
                q += "&" + one_of[0] + "=" + valueFor(one_of[0], today);
            return q;
        };
        Response full = pharmacist.get(query(""));
        EXPECT_EQ(full.status, 200) << full.body;
        for (const auto& p : required) {
            Response missing = pharmacist.get(query(p));
            EXPECT_EQ(missing.status, 400) << p;
            EXPECT_EQ(missing.json()->getObject("error")->getValue<std::string>("field"), p);
        }
        if (!one_of.empty()) EXPECT_EQ(pharmacist.get(query("one_of")).status, 400);
    }
    std::vector<std::string> known(reporting::reportNames().begin(),
                                   reporting::reportNames().end());
    EXPECT_EQ(names, known) << "the catalogue is the service's own list, in menu order";

    EXPECT_EQ(f.server.loggedIn(f.clerk).get("/api/v1/reports").status, 403)
        << "ReportRead, as the reports";
}
