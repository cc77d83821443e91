#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "core/Error.h"
#include "dispatch/rules/HandlingRules.h"
#include "dispatch/rules/HandlingRulesParser.h"
#include "dispatch/rules/ItemClasses.h"

namespace rxdesk::dispatch {
namespace {

std::string shippedTable() {
    const char* root = std::getenv("RXDESK_SOURCE_DIR");
    std::ifstream in(std::string(root ? root : ".") + "/etc/handling_rules.csv", std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

const HandlingRules& defaults() {
    static const HandlingRules rules = HandlingRules::fromText(shippedTable());
    return rules;
}

TEST(HandlingRules, ShippedTableParsesWithoutProblems) {
    HandlingRulesTable table = parseHandlingRules(shippedTable());
    for (const auto& p : table.problems) ADD_FAILURE() << p.line << ": " << p.reason;
    EXPECT_GT(table.rules.size(), 20u);
}

// Expected outcome for a single-class parcel going to a domestic address: for each method,
// "" when allowed, else the id of the rule that refuses it. Methods in kAllDeliveryMethods
// order: carrier_normal, carrier_chilled, carrier_frozen, staff_hand_delivery, patient_pickup.
struct ClassRow {
    const char* when;  // class name, or "" for an item with no class
    std::array<const char*, 5> domestic;
};

const ClassRow kMatrix[] = {
    {"", {"", "ROOM-CARRIER", "ROOM-CARRIER", "", ""}},
    {"narcotic", {"NARC-METHOD", "NARC-METHOD", "NARC-METHOD", "", ""}},
    {"psychotropic", {"", "ROOM-CARRIER", "ROOM-CARRIER", "", ""}},
    {"poison", {"", "ROOM-CARRIER", "ROOM-CARRIER", "", ""}},
    {"stimulant_raw_material", {"STIM-METHOD", "STIM-METHOD", "STIM-METHOD", "", ""}},
    {"powerful", {"", "ROOM-CARRIER", "ROOM-CARRIER", "", ""}},
    {"radiopharmaceutical", {"RADIO-METHOD", "RADIO-METHOD", "RADIO-METHOD", "", ""}},
    {"cold", {"COLD-CARRIER", "", "COLD-CARRIER", "", ""}},
    {"frozen", {"FROZEN-CARRIER", "FROZEN-CARRIER", "", "", ""}},
    {"light", {"", "ROOM-CARRIER", "ROOM-CARRIER", "", ""}},
    {"urgent", {"URGENT-METHOD", "URGENT-METHOD", "URGENT-METHOD", "", ""}},
    {"emergency_contraceptive", {"EC-METHOD", "EC-METHOD", "EC-METHOD", "EC-METHOD", ""}},
    {"do_not_shake", {"", "ROOM-CARRIER", "ROOM-CARRIER", "", ""}},
};

TEST(HandlingRules, MatrixOfEveryClassMethodAndDestination) {
    ASSERT_EQ(std::size(kMatrix), kAllHandlingClasses.size() + 1) << "every class has a row";
    enum class Dest { DomesticWithAddress, DomesticNoAddress, Abroad };
    for (const ClassRow& row : kMatrix) {
        ShipmentItem item{"item-1", {}};
        if (*row.when) {
            auto c = parseHandlingClass(row.when);
            ASSERT_TRUE(c) << row.when;
            item.classes.insert(*c);
        }
        for (Dest dest : {Dest::DomesticWithAddress, Dest::DomesticNoAddress, Dest::Abroad}) {
            Destination destination{dest == Dest::Abroad, dest != Dest::DomesticNoAddress};
            ShippingPlan plan = defaults().plan({item}, destination);
            ASSERT_EQ(plan.parcels.size(), 1u);
            EXPECT_EQ(plan.refused.has_value(), dest == Dest::Abroad);
            for (std::size_t m = 0; m < kAllDeliveryMethods.size(); ++m) {
                DeliveryMethod method = kAllDeliveryMethods[m];
                std::string expected = row.domestic[m];
                if (dest == Dest::Abroad) {
                    expected = "DEST-ABROAD";  // first row of the table
                } else if (dest == Dest::DomesticNoAddress &&
                           method != DeliveryMethod::PatientPickup) {
                    expected = "DEST-NOADDR";  // second row, above every class rule
                }
                MethodDecision d = HandlingRules::check(plan.parcels[0], method);
                SCOPED_TRACE(std::string(row.when) + " × " +
                             std::string(deliveryMethodName(method)) + " × dest " +
                             std::to_string(static_cast<int>(dest)));
                EXPECT_EQ(d.accepted, expected.empty());
                if (!expected.empty()) {
                    ASSERT_TRUE(d.refusal);
                    EXPECT_EQ(d.refusal->rule_id, expected);
                    EXPECT_FALSE(d.refusal->reason.empty());
                }
                bool in_allowed =
                    std::find(plan.parcels[0].allowed.begin(), plan.parcels[0].allowed.end(),
                              method) != plan.parcels[0].allowed.end();
                EXPECT_EQ(in_allowed, d.accepted);
            }
        }
    }
}

bool hasNote(const PlannedParcel& p, DeliveryMethod m, const std::string& text) {
    for (const ParcelNote& n : HandlingRules::notesFor(p, m)) {
        if (n.text == text) return true;
    }
    return false;
}

TEST(HandlingRules, NarcoticNeedsIdentityCheckAndSignature) {
    ShippingPlan plan = defaults().plan({{"m", {HandlingClass::Narcotic}}}, {});
    const PlannedParcel& p = plan.parcels.at(0);
    EXPECT_EQ(p.allowed, (std::vector<DeliveryMethod>{DeliveryMethod::StaffHandDelivery,
                                                      DeliveryMethod::PatientPickup}));
    for (DeliveryMethod m : p.allowed) {
        EXPECT_TRUE(HandlingRules::hasRequirement(p, NoteKind::IdentityCheck, m));
        EXPECT_TRUE(HandlingRules::hasRequirement(p, NoteKind::Signature, m));
    }
    EXPECT_TRUE(hasNote(p, DeliveryMethod::StaffHandDelivery, "本人確認要"));
    EXPECT_TRUE(hasNote(p, DeliveryMethod::StaffHandDelivery, "署名要"));
    EXPECT_TRUE(hasNote(p, DeliveryMethod::StaffHandDelivery, "置き配不可"));
}

TEST(HandlingRules, PsychotropicsAndPoisonsAreNotLeftAtTheDoorAndNeedSignature) {
    for (HandlingClass c : {HandlingClass::Psychotropic, HandlingClass::Poison}) {
        ShippingPlan plan = defaults().plan({{"x", {c}}}, {});
        const PlannedParcel& p = plan.parcels.at(0);
        EXPECT_TRUE(HandlingRules::hasRequirement(p, NoteKind::NoLeaveAtDoor,
                                                  DeliveryMethod::CarrierNormal));
        EXPECT_TRUE(
            HandlingRules::hasRequirement(p, NoteKind::Signature, DeliveryMethod::CarrierNormal));
        EXPECT_TRUE(hasNote(p, DeliveryMethod::CarrierNormal, "置き配不可"));
    }
    ShippingPlan plain = defaults().plan({{"x", {}}}, {});
    EXPECT_FALSE(HandlingRules::hasRequirement(plain.parcels.at(0), NoteKind::NoLeaveAtDoor,
                                               DeliveryMethod::CarrierNormal));
}

TEST(HandlingRules, ChilledInsulinGoesByChilledCarrierWithColdPackNote) {
    DrugInfo insulin;
    insulin.name = "インスリン注";
    insulin.has_supplement = true;
    insulin.storage = StorageTemperature::Cold;
    insulin.powerful = true;
    insulin.high_risk = true;
    ShippingPlan plan = defaults().plan({{"insulin", handlingClassesOf(insulin)}}, {});
    ASSERT_EQ(plan.parcels.size(), 1u);
    const PlannedParcel& p = plan.parcels[0];
    EXPECT_EQ(p.temperature, ParcelTemperature::Chilled);
    EXPECT_TRUE(HandlingRules::check(p, DeliveryMethod::CarrierChilled).accepted);
    EXPECT_EQ(HandlingRules::check(p, DeliveryMethod::CarrierNormal).refusal->rule_id,
              "COLD-CARRIER");
    EXPECT_TRUE(hasNote(p, DeliveryMethod::CarrierChilled, "要冷蔵 保冷剤同梱"));
    EXPECT_TRUE(hasNote(p, DeliveryMethod::CarrierChilled, "置き配不可"));
}

TEST(HandlingRules, NeverMixesTemperatureClassesInOneParcel) {
    ShippingPlan plan =
        defaults().plan({{"a", {HandlingClass::Cold}},
                         {"b", {}},
                         {"c", {HandlingClass::Frozen}},
                         {"d", {HandlingClass::Cold, HandlingClass::ProtectFromLight}},
                         {"e", {HandlingClass::Psychotropic}}},
                        {});
    ASSERT_EQ(plan.parcels.size(), 3u);
    EXPECT_EQ(plan.parcels[0].temperature, ParcelTemperature::Room);
    EXPECT_EQ(plan.parcels[0].items, (std::vector<std::size_t>{1, 4}));
    EXPECT_EQ(plan.parcels[1].temperature, ParcelTemperature::Chilled);
    EXPECT_EQ(plan.parcels[1].items, (std::vector<std::size_t>{0, 3}));
    EXPECT_EQ(plan.parcels[2].temperature, ParcelTemperature::Frozen);
    EXPECT_EQ(plan.parcels[2].items, (std::vector<std::size_t>{2}));
    // Psychotropic notes stay on the room parcel; 遮光 only on the chilled one.
    EXPECT_TRUE(hasNote(plan.parcels[0], DeliveryMethod::CarrierNormal, "置き配不可"));
    EXPECT_FALSE(hasNote(plan.parcels[1], DeliveryMethod::CarrierChilled, "置き配不可"));
    EXPECT_TRUE(hasNote(plan.parcels[1], DeliveryMethod::CarrierChilled, "遮光"));
    EXPECT_TRUE(hasNote(plan.parcels[2], DeliveryMethod::CarrierFrozen, "冷凍"));
}

TEST(HandlingRules, EmergencyContraceptionIsPickupOnlyByThePatient) {
    ShippingPlan plan = defaults().plan({{"ec", {HandlingClass::EmergencyContraceptive}}}, {});
    const PlannedParcel& p = plan.parcels.at(0);
    EXPECT_EQ(p.allowed, std::vector<DeliveryMethod>{DeliveryMethod::PatientPickup});
    MethodDecision staff = HandlingRules::check(p, DeliveryMethod::StaffHandDelivery);
    ASSERT_TRUE(staff.refusal);
    EXPECT_EQ(staff.refusal->rule_id, "EC-METHOD");
    EXPECT_NE(staff.refusal->reason.find("緊急避妊薬"), std::string::npos);
    EXPECT_TRUE(hasNote(p, DeliveryMethod::PatientPickup, "本人限定受取"));
}

TEST(HandlingRules, AbroadIsRefusedEntirelyWithTheRuleNamed) {
    ShippingPlan plan = defaults().plan({{"a", {}}, {"b", {HandlingClass::Cold}}}, {true, true});
    ASSERT_TRUE(plan.refused);
    EXPECT_EQ(plan.refused->rule_id, "DEST-ABROAD");
    EXPECT_EQ(plan.refused->reason, "海外への発送はできません");
    for (const PlannedParcel& p : plan.parcels) EXPECT_TRUE(p.allowed.empty());
}

TEST(HandlingRules, NoItemsMeansNoParcels) {
    EXPECT_TRUE(defaults().plan({}, {}).parcels.empty());
}

TEST(HandlingRules, FirstRuleInTableOrderIsNamed) {
    HandlingRules rules = HandlingRules::fromText(
        "id,when,effect,methods,text\n"
        "A,any,forbid,carrier_normal,理由A\n"
        "B,any,forbid,carrier_normal|staff_hand_delivery,理由B\n");
    ShippingPlan plan = rules.plan({{"x", {}}}, {});
    EXPECT_EQ(HandlingRules::check(plan.parcels[0], DeliveryMethod::CarrierNormal).refusal->rule_id,
              "A");
    EXPECT_EQ(
        HandlingRules::check(plan.parcels[0], DeliveryMethod::StaffHandDelivery).refusal->rule_id,
        "B");
}

TEST(HandlingRulesParser, ReportsEveryBadRowWithItsLine) {
    const char* text =
        "# comment\n"
        "id,when,effect,methods,text\n"
        "OK,narcotic,forbid,carrier_normal,理由\n"
        "OK,narcotic,forbid,carrier_normal,重複\n"   // 4
        "X1,alien,forbid,carrier_normal,理由\n"      // 5
        "X2,narcotic,explode,carrier_normal,理由\n"  // 6
        "X3,narcotic,forbid,drone,理由\n"            // 7
        "X4,narcotic,forbid,,理由\n"                 // 8
        "X5,abroad,refuse,carrier_normal,理由\n"     // 9
        "X6,narcotic,note,,\n"                       // 10
        "X7,narcotic,note\n"                         // 11
        "bad id,narcotic,note,,注記\n";              // 12
    HandlingRulesTable table = parseHandlingRules(text);
    ASSERT_EQ(table.rules.size(), 1u);
    const struct {
        std::size_t line;
        const char* code;
    } expected[] = {{4, "duplicate_id"},  {5, "bad_when"},         {6, "bad_effect"},
                    {7, "bad_method"},    {8, "methods_required"}, {9, "methods_not_allowed"},
                    {10, "missing_text"}, {11, "column_count"},    {12, "bad_id"}};
    ASSERT_EQ(table.problems.size(), std::size(expected));
    for (std::size_t i = 0; i < std::size(expected); ++i) {
        EXPECT_EQ(table.problems[i].line, expected[i].line) << i;
        EXPECT_EQ(table.problems[i].code, expected[i].code) << i;
    }
}

TEST(HandlingRulesParser, FromTextRefusesATableWithAnyProblem) {
    try {
        HandlingRules::fromText("id,when,effect,methods,text\nA,any,forbid,,理由\n");
        FAIL() << "expected Error";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), "bad_handling_rules");
        EXPECT_NE(std::string(e.what()).find("2 行目"), std::string::npos);
    }
    EXPECT_THROW(HandlingRules::fromText("id,when\n"), Error);
    EXPECT_THROW(HandlingRules::fromText(""), Error);
}

}  // namespace
}  // namespace rxdesk::dispatch
