#include <gtest/gtest.h>

#include "core/Error.h"
#include "core/TokyoTime.h"
#include "dispatch/custody/ParcelCustody.h"
#include "dispatch/custody/UnconfirmedDeliveries.h"
#include "dispatch/rules/HandlingRules.h"

namespace rxdesk::dispatch {
namespace {

using namespace std::chrono;
using K = CustodyEventKind;

const TimePoint kT0 = tokyoTime(2026y / November / 21d, 9 * 60);

CustodyEvent ev(K kind, int minutes) {
    CustodyEvent e;
    e.kind = kind;
    e.at = kT0 + std::chrono::minutes(minutes);
    e.actor = "staff-1";
    return e;
}

CustodyEvent delivered(int minutes, std::string name = "受取人",
                       IdentityCheckMethod id = IdentityCheckMethod::None,
                       std::string signature = "") {
    CustodyEvent e = ev(K::Delivered, minutes);
    e.recipient_name = std::move(name);
    e.identity_check = id;
    e.signature_ref = std::move(signature);
    return e;
}

CustodyEvent failed(int minutes, std::string reason = "不在") {
    CustodyEvent e = ev(K::Failed, minutes);
    e.failure_reason = std::move(reason);
    return e;
}

CustodyEvent confirmed(int minutes, ConfirmationMethod m = ConfirmationMethod::Phone) {
    CustodyEvent e = ev(K::ReceiptConfirmed, minutes);
    e.confirmation = m;
    return e;
}

CustodyEvent reading(int minutes, double c) {
    CustodyEvent e = ev(K::TemperatureReading, minutes);
    e.celsius = c;
    return e;
}

CustodyEvent decision(int minutes, ExcursionDecision d) {
    CustodyEvent e = ev(K::PharmacistDecision, minutes);
    e.decision = d;
    return e;
}

// Valid sequences end in the given state; the first refused event of an invalid sequence
// is reported with its code.
TEST(ParcelCustody, SequenceRules) {
    const struct {
        const char* name;
        std::vector<CustodyEvent> events;
        CustodyState final_state;
        const char* refused_code;  // nullptr: every event accepted
    } cases[] = {
        {"carrier delivery",
         {ev(K::Packed, 0), ev(K::HandedToCarrier, 10), delivered(60)},
         CustodyState::Delivered,
         nullptr},
        {"carrier delivery without recipient",
         {ev(K::Packed, 0), ev(K::HandedToCarrier, 10), delivered(60, "")},
         CustodyState::Delivered,
         nullptr},
        {"staff delivery",
         {ev(K::Packed, 0), ev(K::OutWithStaff, 10), delivered(30)},
         CustodyState::Delivered,
         nullptr},
        {"counter pickup", {ev(K::Packed, 0), delivered(5)}, CustodyState::Delivered, nullptr},
        {"failed and returned",
         {ev(K::Packed, 0), ev(K::OutWithStaff, 10), failed(30), ev(K::ReturnedToPharmacy, 60)},
         CustodyState::ReturnedToPharmacy,
         nullptr},
        {"carrier failed",
         {ev(K::Packed, 0), ev(K::HandedToCarrier, 10), failed(900)},
         CustodyState::Failed,
         nullptr},
        {"nothing before packing",
         {ev(K::HandedToCarrier, 0)},
         CustodyState::NotPacked,
         "invalid_transition"},
        {"packed twice",
         {ev(K::Packed, 0), ev(K::Packed, 1)},
         CustodyState::Packed,
         "invalid_transition"},
        {"two hand-offs",
         {ev(K::Packed, 0), ev(K::HandedToCarrier, 1), ev(K::OutWithStaff, 2)},
         CustodyState::HandedToCarrier,
         "invalid_transition"},
        {"delivered twice",
         {ev(K::Packed, 0), delivered(1), delivered(2)},
         CustodyState::Delivered,
         "invalid_transition"},
        {"failed at pharmacy",
         {ev(K::Packed, 0), failed(1)},
         CustodyState::Packed,
         "invalid_transition"},
        {"failed without reason",
         {ev(K::Packed, 0), ev(K::OutWithStaff, 1), failed(2, "")},
         CustodyState::OutWithStaff,
         "reason_required"},
        {"returned without failing",
         {ev(K::Packed, 0), ev(K::OutWithStaff, 1), ev(K::ReturnedToPharmacy, 2)},
         CustodyState::OutWithStaff,
         "invalid_transition"},
        {"delivered after return",
         {ev(K::Packed, 0), ev(K::OutWithStaff, 1), failed(2), ev(K::ReturnedToPharmacy, 3),
          delivered(4)},
         CustodyState::ReturnedToPharmacy,
         "invalid_transition"},
        {"staff delivery without recipient",
         {ev(K::Packed, 0), ev(K::OutWithStaff, 1), delivered(2, "")},
         CustodyState::OutWithStaff,
         "recipient_required"},
        {"time goes backwards",
         {ev(K::Packed, 10), ev(K::OutWithStaff, 5)},
         CustodyState::Packed,
         "out_of_order"},
        {"confirm before shipping",
         {ev(K::Packed, 0), confirmed(1)},
         CustodyState::Packed,
         "invalid_transition"},
        {"confirm staff delivery",
         {ev(K::Packed, 0), ev(K::OutWithStaff, 1), delivered(2), confirmed(3)},
         CustodyState::Delivered,
         "invalid_transition"},
        {"confirm twice",
         {ev(K::Packed, 0), ev(K::HandedToCarrier, 1), confirmed(2), confirmed(3)},
         CustodyState::Delivered,
         "already_confirmed"},
        {"confirm without method",
         {ev(K::Packed, 0), ev(K::HandedToCarrier, 1), ev(K::ReceiptConfirmed, 2)},
         CustodyState::HandedToCarrier,
         "confirmation_method_required"},
        {"decision without excursion",
         {ev(K::Packed, 0), decision(1, ExcursionDecision::Release)},
         CustodyState::Packed,
         "no_decision_pending"},
    };
    for (const auto& c : cases) {
        ParcelCustody p("P-1", {});
        std::optional<CustodyRefusal> refused;
        for (const CustodyEvent& e : c.events) {
            refused = p.record(e);
            if (refused) break;
        }
        EXPECT_EQ(p.state(), c.final_state) << c.name;
        if (c.refused_code) {
            ASSERT_TRUE(refused) << c.name;
            EXPECT_EQ(refused->code, c.refused_code) << c.name;
            EXPECT_FALSE(refused->reason.empty()) << c.name;
        } else {
            EXPECT_FALSE(refused) << c.name << ": " << refused->code;
        }
    }
}

TEST(ParcelCustody, RefusedEventLeavesStateAndLogUnchanged) {
    ParcelCustody p("P-1", {});
    ASSERT_FALSE(p.record(ev(K::Packed, 0)));
    ASSERT_TRUE(p.record(failed(1)));
    EXPECT_EQ(p.events().size(), 1u);
    EXPECT_EQ(p.state(), CustodyState::Packed);
}

TEST(ParcelCustody, NarcoticHandOverNeedsIdentityCheckAndSignature) {
    HandlingRules rules = HandlingRules::fromText(
        "id,when,effect,methods,text\n"
        "NARC-METHOD,narcotic,allow_only,staff_hand_delivery|patient_pickup,麻薬\n"
        "NARC-ID,narcotic,identity_check,staff_hand_delivery|patient_pickup,本人確認要\n"
        "NARC-SIGN,narcotic,signature,staff_hand_delivery|patient_pickup,署名要\n");
    ShippingPlan plan = rules.plan({{"m", {HandlingClass::Narcotic}}}, {});
    CustodyRequirements req =
        custodyRequirements(plan.parcels[0], DeliveryMethod::StaffHandDelivery);
    EXPECT_TRUE(req.identity_check);
    EXPECT_TRUE(req.signature);

    ParcelCustody p("P-1", req);
    ASSERT_FALSE(p.record(ev(K::Packed, 0)));
    ASSERT_FALSE(p.record(ev(K::OutWithStaff, 1)));
    EXPECT_EQ(p.record(delivered(2, "本人"))->code, "identity_check_required");
    EXPECT_EQ(p.record(delivered(2, "本人", IdentityCheckMethod::MyNumberCard))->code,
              "signature_required");
    EXPECT_FALSE(p.record(delivered(2, "本人", IdentityCheckMethod::MyNumberCard, "blob-sig-1")));
    EXPECT_EQ(p.channel(), DeliveryChannel::Staff);
    EXPECT_EQ(p.events().back().signature_ref, "blob-sig-1");
}

TEST(ParcelCustody, RefusalReasonsNeverContainTheRecipientName) {
    ParcelCustody p("P-1", {ParcelTemperature::Room, true, true});
    p.record(ev(K::Packed, 0));
    auto refused = p.record(delivered(1, "山田太郎"));
    ASSERT_TRUE(refused);
    EXPECT_EQ(refused->reason.find("山田"), std::string::npos);
}

TEST(ParcelCustody, ReplayRebuildsStateAndRejectsACorruptLog) {
    std::vector<CustodyEvent> log{ev(K::Packed, 0), ev(K::HandedToCarrier, 10), confirmed(1500)};
    ParcelCustody p = ParcelCustody::replay("P-1", {}, log);
    EXPECT_EQ(p.state(), CustodyState::Delivered);
    EXPECT_TRUE(p.receiptConfirmed());
    EXPECT_EQ(p.deliveredAt(), kT0 + minutes(1500));
    EXPECT_THROW(ParcelCustody::replay("P-1", {}, {ev(K::Packed, 0), ev(K::ReturnedToPharmacy, 1)}),
                 Error);
}

TEST(ParcelCustody, NamesRoundTrip) {
    for (auto k : {K::Packed, K::HandedToCarrier, K::OutWithStaff, K::Delivered, K::Failed,
                   K::ReturnedToPharmacy, K::ReceiptConfirmed, K::TemperatureReading,
                   K::PharmacistDecision}) {
        EXPECT_EQ(parseCustodyEventKind(custodyEventKindName(k)), k);
    }
    EXPECT_EQ(parseConfirmationMethod("carrier_record"), ConfirmationMethod::CarrierRecord);
    EXPECT_EQ(parseIdentityCheckMethod("my_number_card"), IdentityCheckMethod::MyNumberCard);
    EXPECT_EQ(parseExcursionDecision("withdraw"), ExcursionDecision::Withdraw);
    EXPECT_FALSE(parseCustodyEventKind("teleported"));
}

ParcelCustody carrierParcel(std::string id, int handed_minutes,
                            std::optional<int> delivered_minutes,
                            std::optional<int> confirmed_minutes = std::nullopt) {
    ParcelCustody p(std::move(id), {});
    EXPECT_FALSE(p.record(ev(K::Packed, handed_minutes - 5)));
    EXPECT_FALSE(p.record(ev(K::HandedToCarrier, handed_minutes)));
    if (delivered_minutes) {
        EXPECT_FALSE(p.record(delivered(*delivered_minutes, "")));
    }
    if (confirmed_minutes) {
        EXPECT_FALSE(p.record(confirmed(*confirmed_minutes)));
    }
    return p;
}

TEST(UnconfirmedDeliveries, ListsCarrierParcelsUnconfirmedForMoreThanADay) {
    const int day = 24 * 60;
    std::vector<ParcelCustody> parcels;
    parcels.push_back(carrierParcel("delivered-2-days-ago", 10, 60));
    parcels.push_back(carrierParcel("delivered-recently", 10, 2 * day - 60));
    parcels.push_back(carrierParcel("confirmed", 10, 60, 120));
    parcels.push_back(carrierParcel("with-carrier-for-2-days", 20, std::nullopt));
    parcels.push_back(carrierParcel("exactly-one-day", 2 * day + 10 - day, std::nullopt));
    {
        ParcelCustody staff("staff-delivered", {});
        staff.record(ev(K::Packed, 0));
        staff.record(ev(K::OutWithStaff, 1));
        staff.record(delivered(2));
        parcels.push_back(staff);
    }
    {
        ParcelCustody back("failed", {});
        back.record(ev(K::Packed, 0));
        back.record(ev(K::HandedToCarrier, 1));
        back.record(failed(2));
        parcels.push_back(back);
    }
    TimePoint now = kT0 + minutes(2 * day + 10);
    auto list = listUnconfirmedDeliveries(parcels, now);
    ASSERT_EQ(list.size(), 2u);
    EXPECT_EQ(list[0].parcel_id, "with-carrier-for-2-days");
    EXPECT_EQ(list[0].state, CustodyState::HandedToCarrier);
    EXPECT_EQ(list[1].parcel_id, "delivered-2-days-ago");
    EXPECT_EQ(list[1].state, CustodyState::Delivered);
    EXPECT_EQ(list[1].since, kT0 + minutes(60));
}

TEST(ColdChain, ExcursionDetectionByParcelTemperature) {
    const struct {
        ParcelTemperature temperature;
        double celsius;
        bool excursion;
    } cases[] = {
        {ParcelTemperature::Chilled, 2.0, false},  {ParcelTemperature::Chilled, 8.0, false},
        {ParcelTemperature::Chilled, 5.0, false},  {ParcelTemperature::Chilled, 1.9, true},
        {ParcelTemperature::Chilled, 8.1, true},   {ParcelTemperature::Chilled, -3.0, true},
        {ParcelTemperature::Frozen, -20.0, false}, {ParcelTemperature::Frozen, -15.0, false},
        {ParcelTemperature::Frozen, -14.9, true},  {ParcelTemperature::Frozen, 4.0, true},
        {ParcelTemperature::Room, 35.0, false},    {ParcelTemperature::Room, -5.0, false},
    };
    for (const auto& c : cases) {
        ParcelCustody p("P-1", {c.temperature, false, false});
        ASSERT_FALSE(p.record(ev(K::Packed, 0)));
        ASSERT_FALSE(p.record(reading(5, c.celsius)));
        EXPECT_EQ(p.awaitingPharmacistDecision(), c.excursion) << c.celsius;
        EXPECT_EQ(p.excursion().has_value(), c.excursion) << c.celsius;
    }
}

TEST(ColdChain, ExcursionBlocksHandOverUntilAPharmacistReleasesIt) {
    ParcelCustody p("P-1", {ParcelTemperature::Chilled, false, false});
    ASSERT_FALSE(p.record(ev(K::Packed, 0)));
    ASSERT_FALSE(p.record(reading(5, 4.0)));
    ASSERT_FALSE(p.record(reading(10, 9.5)));
    ASSERT_FALSE(p.record(reading(15, 12.0)));
    ASSERT_FALSE(p.record(reading(20, 6.0)));
    ASSERT_TRUE(p.excursion());
    EXPECT_EQ(p.excursion()->readings_outside, 2u);
    EXPECT_EQ(p.excursion()->worst_celsius, 12.0);
    EXPECT_EQ(p.excursion()->first_at, kT0 + minutes(10));
    EXPECT_EQ(p.record(ev(K::HandedToCarrier, 30))->code, "temperature_decision_pending");
    EXPECT_EQ(p.record(delivered(30))->code, "temperature_decision_pending");
    EXPECT_EQ(p.record(ev(K::PharmacistDecision, 31))->code, "decision_required");
    ASSERT_FALSE(p.record(decision(31, ExcursionDecision::Release)));
    EXPECT_FALSE(p.awaitingPharmacistDecision());
    EXPECT_FALSE(p.record(ev(K::HandedToCarrier, 40)));
    // A new excursion in transit flags the parcel again.
    ASSERT_FALSE(p.record(reading(50, 1.0)));
    EXPECT_TRUE(p.awaitingPharmacistDecision());
}

TEST(ColdChain, WithdrawDecisionEndsAPackedParcel) {
    ParcelCustody p("P-1", {ParcelTemperature::Frozen, false, false});
    ASSERT_FALSE(p.record(ev(K::Packed, 0)));
    ASSERT_FALSE(p.record(reading(5, -5.0)));
    ASSERT_FALSE(p.record(decision(6, ExcursionDecision::Withdraw)));
    EXPECT_EQ(p.state(), CustodyState::Withdrawn);
    EXPECT_TRUE(p.withdrawn());
    EXPECT_EQ(p.record(ev(K::OutWithStaff, 7))->code, "invalid_transition");
}

TEST(ColdChain, WithdrawnWhileOutWithStaffMustComeBack) {
    ParcelCustody p("P-1", {ParcelTemperature::Chilled, false, false});
    ASSERT_FALSE(p.record(ev(K::Packed, 0)));
    ASSERT_FALSE(p.record(ev(K::OutWithStaff, 1)));
    ASSERT_FALSE(p.record(reading(5, 15.0)));
    ASSERT_FALSE(p.record(decision(6, ExcursionDecision::Withdraw)));
    EXPECT_EQ(p.record(delivered(7))->code, "withdrawn");
    EXPECT_FALSE(p.record(failed(8, "温度逸脱のため回収")));
    EXPECT_FALSE(p.record(ev(K::ReturnedToPharmacy, 9)));
}

}  // namespace
}  // namespace rxdesk::dispatch
