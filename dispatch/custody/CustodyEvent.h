#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/Clock.h"

namespace rxdesk::dispatch {

/// What happened to a parcel.
enum class CustodyEventKind {
    Packed,              ///< packed: sealed and labelled at the pharmacy
    HandedToCarrier,     ///< handed_to_carrier
    OutWithStaff,        ///< out_with_staff: a staff member left to hand-deliver
    Delivered,           ///< delivered: handed to the recipient (from packed = counter pickup)
    Failed,              ///< failed: delivery attempt failed (reason)
    ReturnedToPharmacy,  ///< returned_to_pharmacy
    ReceiptConfirmed,    ///< receipt_confirmed: the patient's receipt was confirmed
    TemperatureReading,  ///< temperature_reading: one data-logger reading
    PharmacistDecision,  ///< pharmacist_decision: on a temperature excursion
};

/// How the recipient's identity was checked at hand-over.
enum class IdentityCheckMethod {
    None,           ///< none
    MyNumberCard,   ///< my_number_card マイナンバーカード
    DriverLicence,  ///< driver_licence 運転免許証
    Passport,       ///< passport
    InsuranceCard,  ///< insurance_card 資格確認書・保険証 (with a second document)
    Other,          ///< other (write what in the event's note)
};

/// How the patient's receipt of a carrier delivery was confirmed.
enum class ConfirmationMethod {
    Phone,          ///< phone 電話
    CarrierRecord,  ///< carrier_record 配達記録
    App,            ///< app アプリ
};

/// The pharmacist's decision on a temperature excursion.
enum class ExcursionDecision {
    Release,   ///< release: quality judged acceptable, the parcel may go on
    Withdraw,  ///< withdraw: must not reach the patient; bring it back / re-dispense
};

/// One entry of a parcel's append-only custody log. Only the fields of its kind are used.
struct CustodyEvent {
    CustodyEventKind kind = CustodyEventKind::Packed;
    TimePoint at{};
    std::string actor;  ///< staff account id, or "carrier"

    // Delivered
    std::string recipient_name;  ///< patient data: stored, never put into messages
    IdentityCheckMethod identity_check = IdentityCheckMethod::None;
    std::string signature_ref;  ///< blob id of the signature image
    // Failed
    std::string failure_reason;
    // ReceiptConfirmed
    std::optional<ConfirmationMethod> confirmation;
    // TemperatureReading
    double celsius = 0.0;
    // PharmacistDecision
    std::optional<ExcursionDecision> decision;
    std::string note;
};

/// snake_case names as in the comments above, for storage and APIs.
std::string_view custodyEventKindName(CustodyEventKind k);
std::optional<CustodyEventKind> parseCustodyEventKind(std::string_view name);
std::string_view identityCheckMethodName(IdentityCheckMethod m);
std::optional<IdentityCheckMethod> parseIdentityCheckMethod(std::string_view name);
std::string_view confirmationMethodName(ConfirmationMethod m);
std::optional<ConfirmationMethod> parseConfirmationMethod(std::string_view name);
std::string_view excursionDecisionName(ExcursionDecision d);
std::optional<ExcursionDecision> parseExcursionDecision(std::string_view name);

}  // namespace rxdesk::dispatch
