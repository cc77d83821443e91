#pragma once

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>

#include <fstream>
#include <iostream>
#include <sstream>

#include "app/Cli.h"
#include "http/RequestContext.h"
#include "integration/intake/IntakeFixture.h"
#include "prescription_json/PrescriptionJson.h"

namespace rxdesk::testing {

/// A drug line of the synthetic claims master (医薬品マスター): 34 columns, the used ones
/// filled as the published file has them.
struct MasterRow {
    std::string claims_code;
    std::string name;
    int control = 0;
    std::string yj_code;
};

inline std::string masterLine(const MasterRow& row) {
    std::vector<std::string> cols(34, "");
    cols[0] = "0";
    cols[1] = "Y";
    cols[2] = row.claims_code;
    cols[3] = "1";
    cols[4] = row.name;
    cols[6] = "ﾃｽﾄ";
    cols[8] = "0";
    cols[9] = "錠";
    cols[13] = std::to_string(row.control);
    cols[31] = row.yj_code;
    std::string line;
    for (std::size_t i = 0; i < cols.size(); ++i) line += (i ? "," : "") + cols[i];
    return line;
}

/// The drugs every dispatch test uses: claims code, name, control class, YJ code.
namespace drugs {
inline const MasterRow kAmlodipine{"610000001", "アムロジピン錠５ｍｇ「テスト」", 0,
                                   "2171022F1010"};
inline const MasterRow kMorphine{"610000002", "モルヒネ塩酸塩錠１０ｍｇ「テスト」", 1,
                                 "8114004F1010"};
inline const MasterRow kZolpidem{"610000003", "ゾルピデム酒石酸塩錠５ｍｇ「テスト」", 5,
                                 "1129009F1010"};
inline const MasterRow kInsulin{"620000004", "インスリン グラルギン注ソロスター「テスト」", 0,
                                "2492415G1020"};
inline const MasterRow kLevonorgestrel{"620000005", "レボノルゲストレル錠１．５ｍｇ「テスト」", 0,
                                       "2549008F1010"};
inline const MasterRow kTestTablet{"620000006", "テスト錠１０ｍｇ", 0, "9999001F1010"};
}  // namespace drugs

/// A real server with staff of every role, a clinic that pushes prescriptions, a configured
/// B2 export, and helpers for drug data and shipments.
struct DispatchFixture {
    DispatchFixture()
        : intake(IntakeFixture::withSettings([](app::Settings& s) {
              s.dispatch.pharmacy = {"さくら薬局", "1500001", "東京都渋谷区神宮前1-2-3",
                                     "03-1234-5678"};
              s.dispatch.contact_hours = "平日 9:00〜18:00";
              s.dispatch.b2.billing_customer_code = "012345678901";
              s.dispatch.b2.freight_number = "01";
          })) {}

    IntakeFixture intake;
    TestServer& server = intake.server;
    Staff delivery = server.createStaff("sato", auth::Role::Delivery);
    TestClient pharmacist = server.loggedIn(intake.pharmacist);
    TestClient clerk = server.loggedIn(intake.clerk);
    TestClient courier = server.loggedIn(delivery);
    int next_reference = 0;

    /// The sample prescription with one Rp holding `items` (claims-coded unless set).
    prescription::Prescription prescriptionWith(const std::vector<prescription::DrugItem>& items,
                                                const std::string& number) {
        auto rx = intake.prescription(number);
        rx.rps.resize(1);
        rx.rps[0].items = items;
        for (std::size_t i = 0; i < items.size(); ++i) rx.rps[0].items[i].seq = int(i + 1);
        // Narcotic prescriptions carry record 61 so that they can be verified.
        rx.narcotic = prescription::NarcoticInfo{"12345", "東京都港区新橋1-1-1", "03-0000-0000"};
        return rx;
    }

    static prescription::DrugItem item(
        const MasterRow& drug,
        prescription::DrugCodeSystem system = prescription::DrugCodeSystem::Claims,
        const std::string& code = "") {
        prescription::DrugItem i;
        i.info_class = 1;
        i.code_system = system;
        i.code = code.empty() ? (system == prescription::DrugCodeSystem::Yj ? drug.yj_code
                                                                            : drug.claims_code)
                              : code;
        i.name = drug.name;
        i.amount = "1";
        i.potency_flag = 1;
        i.unit = "錠";
        return i;
    }

    /// Pushes `rx` as the clinic; returns the prescription view.
    Poco::JSON::Object::Ptr submit(const prescription::Prescription& rx) {
        Poco::JSON::Object o;
        o.set("client_reference", "dispatch-" + std::to_string(++next_reference));
        o.set("prescription", prescription_json::encodePrescription(rx));
        Response r = intake.clinic.post("/api/v1/prescriptions", http::toJson(o));
        EXPECT_EQ(r.status, 201) << r.body;
        return r.json();
    }

    /// Submits and walks the prescription to 「服薬指導済」 (verify, dispense, guidance).
    std::int64_t guidedPrescription(const std::vector<prescription::DrugItem>& items) {
        auto view = submit(prescriptionWith(items, "RX-" + std::to_string(next_reference + 1)));
        std::int64_t id = view->getValue<std::int64_t>("id");
        // The clinic's answer carries no version: read it as the counter does.
        int version = pharmacist.get("/api/v1/prescriptions/" + std::to_string(id)).json()->getValue<int>("version");
        for (const char* step : {"verify", "dispense", "record_guidance"}) {
            Response r =
                pharmacist.post("/api/v1/prescriptions/" + std::to_string(id) + "/actions/" + step,
                                "{\"version\":" + std::to_string(version) + "}");
            EXPECT_EQ(r.status, 200) << step << ": " << r.body;
            version = r.json()->getValue<int>("version");
        }
        return id;
    }

    std::string prescriptionStatus(std::int64_t id) {
        return pharmacist.get("/api/v1/prescriptions/" + std::to_string(id))
            .json()
            ->getValue<std::string>("status");
    }

    /// Runs the rxdesk command line in-process against this server's data directory, as an
    /// operator would while the server runs; returns exit code and standard output.
    std::pair<int, std::string> cli(std::vector<std::string> args) {
        std::string config = server.dataDir() + "/cli.properties";
        {
            std::ofstream out(config);
            out << "rxdesk.data_dir = " << server.settings().data_dir << "\n"
                << "rxdesk.store.durability = normal\n";
        }
        args.insert(args.begin(), "rxdesk");
        args.push_back("--config");
        args.push_back(config);
        std::vector<char*> argv;
        for (auto& a : args) argv.push_back(a.data());
        std::ostringstream captured;
        auto* saved = std::cout.rdbuf(captured.rdbuf());
        int code = app::runCli(int(argv.size()), argv.data());
        std::cout.rdbuf(saved);
        return {code, captured.str()};
    }

    std::string writeFile(const std::string& name, const std::string& bytes) {
        std::string path = server.dataDir() + "/" + name;
        std::ofstream out(path, std::ios::binary);
        out << bytes;
        return path;
    }

    /// Imports a master of `rows` (plus any raw extra lines) through `rxdesk drugs import`.
    Poco::JSON::Object::Ptr importMaster(const std::vector<MasterRow>& rows,
                                         const std::vector<std::string>& extra_lines = {}) {
        std::string text;
        for (const auto& r : rows) text += masterLine(r) + "\r\n";
        for (const auto& l : extra_lines) text += l + "\r\n";
        auto bytes = utf8ToCp932(text);
        EXPECT_TRUE(bytes);
        auto [code, out] = cli({"drugs", "import", writeFile("y_ALL.csv", *bytes), "--json"});
        EXPECT_EQ(code, 0) << out;
        Poco::JSON::Parser parser;
        return parser.parse(out).extract<Poco::JSON::Object::Ptr>();
    }

    /// The standard master and supplement: insulin kept cold (by YJ code), the emergency
    /// contraceptive flagged, zolpidem known by a HOT code.
    void importStandardDrugData() {
        importMaster({drugs::kAmlodipine, drugs::kMorphine, drugs::kZolpidem, drugs::kInsulin,
                      drugs::kLevonorgestrel, drugs::kTestTablet});
        std::string supplement = "コード,名称,保管,遮光,劇薬,緊急避妊薬,ハイリスク,乱用,HOT\n" +
                                 drugs::kInsulin.yj_code + ",インスリン,冷所,0,0,0,1,糖尿病薬,\n" +
                                 drugs::kLevonorgestrel.claims_code +
                                 ",緊急避妊薬,室温,0,0,1,0,,\n" + drugs::kZolpidem.claims_code +
                                 ",ゾルピデム,室温,0,0,0,1,睡眠薬,123456701\n";
        auto [code, out] =
            cli({"drugs", "supplement", writeFile("supplement.csv", supplement), "--json"});
        EXPECT_EQ(code, 0) << out;
    }

    static std::string shipmentBody(std::int64_t prescription_id, const std::string& method,
                                    const std::string& extra = "",
                                    const std::string& country = "JP") {
        return "{\"prescription_id\":" + std::to_string(prescription_id) +
               ",\"destination\":{\"name\":\"山田 太郎\",\"postcode\":\"1600022\","
               "\"address\":\"東京都新宿区新宿3-1-1\",\"phone\":\"090-1234-5678\",\"country\":\"" +
               country + "\"},\"preferred_method\":\"" + method + "\"" + extra + "}";
    }

    Response ship(std::int64_t prescription_id, const std::string& method,
                  const std::string& extra = "", const std::string& country = "JP") {
        return clerk.post("/api/v1/shipments",
                          shipmentBody(prescription_id, method, extra, country));
    }

    static std::vector<std::string> strings(const Poco::JSON::Array::Ptr& list,
                                            const std::string& key = "") {
        std::vector<std::string> out;
        for (std::size_t i = 0; i < list->size(); ++i)
            out.push_back(key.empty() ? list->getElement<std::string>(i)
                                      : list->getObject(i)->getValue<std::string>(key));
        return out;
    }
    static bool contains(const std::vector<std::string>& v, const std::string& s) {
        return std::find(v.begin(), v.end(), s) != v.end();
    }
};

/// A 1×1 PNG, as a phone's signature pad would send (base64).
inline constexpr const char* kSignaturePng =
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+"
    "M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

}  // namespace rxdesk::testing
