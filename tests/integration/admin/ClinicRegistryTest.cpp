#include <gtest/gtest.h>

#include "integration/admin/AdminFixture.h"

using namespace rxdesk;
using namespace rxdesk::testing;

namespace {

std::int64_t addClinic(TestClient& client, const std::string& code, const std::string& name,
                       const std::string& faxes) {
    Response r =
        client.post("/api/v1/clinics", R"({"institution_code":")" + code + R"(","name":")" + name +
                                           R"(","fax_numbers":[)" + faxes + "]}");
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? r.json()->getValue<std::int64_t>("id") : 0;
}

std::string path(std::int64_t id) {
    return "/api/v1/clinics/" + std::to_string(id);
}

std::vector<std::string> faxesOf(const Poco::JSON::Object::Ptr& clinic) {
    std::vector<std::string> out;
    auto list = clinic->getArray("fax_numbers");
    for (std::size_t i = 0; i < list->size(); ++i) out.push_back(list->getElement<std::string>(i));
    return out;
}

Poco::JSON::Object::Ptr listed(TestClient& client, std::int64_t id) {
    auto list = client.get("/api/v1/clinics").json()->getArray("clinics");
    for (std::size_t i = 0; i < list->size(); ++i)
        if (list->getObject(i)->getValue<std::int64_t>("id") == id) return list->getObject(i);
    return nullptr;
}

std::vector<std::string> findingsOfFax(AdminFixture& f, const Response& sent) {
    EXPECT_EQ(sent.status, 201) << sent.body;
    auto view = f.pharmacist.get("/api/v1/prescriptions/" +
                                 std::to_string(sent.json()->getValue<std::int64_t>("id")));
    return IntakeFixture::findingCodes(view.json());
}

}  // namespace

TEST(ClinicRegistry, AnAdminEditsNameFaxNumbersAndDeadline) {
    AdminFixture f;
    std::int64_t id = addClinic(f.admin, "1311234567", "さくら内科", R"("03-1111-2222")");
    Response r = f.admin.request(
        "PUT", path(id),
        R"({"name":"　さくら内科クリニック ","fax_numbers":["06-5555-6666","03-3333-4444","0333334444"],"original_deadline_days":5})");
    ASSERT_EQ(r.status, 200) << r.body;
    auto clinic = r.json();
    EXPECT_EQ(clinic->getValue<std::string>("name"), "さくら内科クリニック");
    EXPECT_EQ(clinic->getValue<std::string>("institution_code"), "1311234567");
    EXPECT_EQ(faxesOf(clinic), (std::vector<std::string>{"0333334444", "0655556666"}))
        << "normalised, sorted, the same number once";
    EXPECT_EQ(clinic->getValue<int>("original_deadline_days"), 5);
    EXPECT_TRUE(clinic->getValue<bool>("active"));
    EXPECT_EQ(faxesOf(listed(f.clerk, id)), faxesOf(clinic));
    EXPECT_EQ(f.audited("clinic.edit"), 1);
    EXPECT_EQ(f.lastDetail("clinic.edit"), "changed=name,fax_numbers,original_deadline_days");

    // Absent fields keep their value; null clears the deadline.
    Response cleared = f.admin.request("PUT", path(id), R"({"original_deadline_days":null})");
    ASSERT_EQ(cleared.status, 200) << cleared.body;
    EXPECT_FALSE(cleared.json()->has("original_deadline_days"));
    EXPECT_EQ(cleared.json()->getValue<std::string>("name"), "さくら内科クリニック");
    EXPECT_EQ(faxesOf(cleared.json()).size(), 2u);

    // A pharmacist manages the registry too; a clerk only reads it.
    EXPECT_EQ(f.pharmacist.request("PUT", path(id), R"({"name":"さくら内科"})").status, 200);
    EXPECT_EQ(f.clerk.request("PUT", path(id), R"({"name":"別の名前"})").status, 403);
    EXPECT_EQ(listed(f.clerk, id)->getValue<std::string>("name"), "さくら内科");
}

TEST(ClinicRegistry, RefusesBadEditsWithTheFieldNamed) {
    AdminFixture f;
    std::int64_t id = addClinic(f.admin, "1311234567", "さくら内科", R"("03-1111-2222")");
    struct Case {
        const char* body;
        int status;
        const char* field;
    } cases[] = {
        {R"({"name":"　 "})", 400, "name"},
        {R"({"fax_numbers":["12"]})", 400, "fax_numbers[0]"},
        {R"({"fax_numbers":"03-1111-2222"})", 400, "fax_numbers"},
        {R"({"original_deadline_days":0})", 400, "original_deadline_days"},
        {R"({"active":"no"})", 400, "active"},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.body);
        Response r = f.admin.request("PUT", path(id), c.body);
        EXPECT_EQ(r.status, c.status) << r.body;
        EXPECT_EQ(r.json()->getObject("error")->getValue<std::string>("field"), c.field);
    }
    EXPECT_EQ(f.admin.request("PUT", path(id + 100), R"({"name":"x"})").errorCode(),
              "clinic_not_found");
    EXPECT_EQ(f.admin.request("PUT", "/api/v1/clinics/abc", R"({"name":"x"})").status, 404);
    EXPECT_EQ(f.audited("clinic.edit"), 0);
}

TEST(ClinicRegistry, AFaxNumberOfAnotherClinicIsAConflictAndChangesNothing) {
    AdminFixture f;
    std::int64_t a = addClinic(f.admin, "1311234567", "さくら内科", R"("03-1111-2222")");
    std::int64_t b = addClinic(f.admin, "1311234568", "もみじ整形外科", R"("03-9999-0000")");
    Response r = f.admin.request(
        "PUT", path(b), R"({"name":"もみじ整形","fax_numbers":["03-9999-0000","(03)1111-2222"]})");
    EXPECT_EQ(r.status, 409) << r.body;
    EXPECT_EQ(r.errorCode(), "fax_number_taken");
    auto unchanged = listed(f.admin, b);
    EXPECT_EQ(unchanged->getValue<std::string>("name"), "もみじ整形外科");
    EXPECT_EQ(faxesOf(unchanged), std::vector<std::string>{"0399990000"}) << "rolled back";
    // Adding a clinic with a taken number is refused the same way.
    Response added = f.admin.post(
        "/api/v1/clinics",
        R"({"institution_code":"1311234569","name":"かえで眼科","fax_numbers":["0311112222"]})");
    EXPECT_EQ(added.status, 409);
    EXPECT_EQ(added.errorCode(), "fax_number_taken");

    // Once the first clinic gives the number up, the other may take it.
    ASSERT_EQ(f.admin.request("PUT", path(a), R"({"fax_numbers":[]})").status, 200);
    Response moved =
        f.admin.request("PUT", path(b), R"({"fax_numbers":["03-9999-0000","03-1111-2222"]})");
    ASSERT_EQ(moved.status, 200) << moved.body;
    EXPECT_EQ(faxesOf(moved.json()), (std::vector<std::string>{"0311112222", "0399990000"}));
}

TEST(ClinicRegistry, ADeactivatedClinicsFaxCountsAsAnUnknownSender) {
    AdminFixture f;
    std::int64_t id = addClinic(f.admin, "1311234567", "さくら内科", R"("03-1111-2222")");
    EXPECT_FALSE(IntakeFixture::has(
        findingsOfFax(f, f.intake.sendFax(f.intake.faxOf(f.intake.prescription("RX-0001")))),
        "fax_sender_unknown"));

    Response off = f.admin.request("PUT", path(id), R"({"active":false})");
    ASSERT_EQ(off.status, 200) << off.body;
    EXPECT_FALSE(off.json()->getValue<bool>("active"));
    EXPECT_FALSE(listed(f.clerk, id)->getValue<bool>("active")) << "still listed, as inactive";
    EXPECT_EQ(f.audited("clinic.deactivate"), 1);
    EXPECT_EQ(f.lastDetail("clinic.deactivate"), "changed=active");
    EXPECT_TRUE(IntakeFixture::has(
        findingsOfFax(f, f.intake.sendFax(f.intake.faxOf(f.intake.prescription("RX-0002")))),
        "fax_sender_unknown"));

    ASSERT_EQ(f.admin.request("PUT", path(id), R"({"active":true})").status, 200);
    EXPECT_EQ(f.audited("clinic.reactivate"), 1);
    EXPECT_FALSE(IntakeFixture::has(
        findingsOfFax(f, f.intake.sendFax(f.intake.faxOf(f.intake.prescription("RX-0003")))),
        "fax_sender_unknown"));
}
