#include "dispatch/custody/CustodyEvent.h"

#include <array>
#include <utility>

namespace rxdesk::dispatch {
namespace {

template <typename E, std::size_t N>
std::string_view nameOf(const std::array<std::pair<E, std::string_view>, N>& table, E value) {
    for (const auto& [e, name] : table) {
        if (e == value) return name;
    }
    return "";
}

template <typename E, std::size_t N>
std::optional<E> parseName(const std::array<std::pair<E, std::string_view>, N>& table,
                           std::string_view name) {
    for (const auto& [e, n] : table) {
        if (n == name) return e;
    }
    return std::nullopt;
}

using K = CustodyEventKind;
constexpr std::array<std::pair<K, std::string_view>, 9> kKinds{{
    {K::Packed, "packed"},
    {K::HandedToCarrier, "handed_to_carrier"},
    {K::OutWithStaff, "out_with_staff"},
    {K::Delivered, "delivered"},
    {K::Failed, "failed"},
    {K::ReturnedToPharmacy, "returned_to_pharmacy"},
    {K::ReceiptConfirmed, "receipt_confirmed"},
    {K::TemperatureReading, "temperature_reading"},
    {K::PharmacistDecision, "pharmacist_decision"},
}};

using I = IdentityCheckMethod;
constexpr std::array<std::pair<I, std::string_view>, 6> kIdentity{{
    {I::None, "none"},
    {I::MyNumberCard, "my_number_card"},
    {I::DriverLicence, "driver_licence"},
    {I::Passport, "passport"},
    {I::InsuranceCard, "insurance_card"},
    {I::Other, "other"},
}};

using C = ConfirmationMethod;
constexpr std::array<std::pair<C, std::string_view>, 3> kConfirmation{{
    {C::Phone, "phone"},
    {C::CarrierRecord, "carrier_record"},
    {C::App, "app"},
}};

using D = ExcursionDecision;
constexpr std::array<std::pair<D, std::string_view>, 2> kDecision{{
    {D::Release, "release"},
    {D::Withdraw, "withdraw"},
}};

}  // namespace

std::string_view custodyEventKindName(CustodyEventKind k) {
    return nameOf(kKinds, k);
}
std::optional<CustodyEventKind> parseCustodyEventKind(std::string_view n) {
    return parseName(kKinds, n);
}
std::string_view identityCheckMethodName(IdentityCheckMethod m) {
    return nameOf(kIdentity, m);
}
std::optional<IdentityCheckMethod> parseIdentityCheckMethod(std::string_view n) {
    return parseName(kIdentity, n);
}
std::string_view confirmationMethodName(ConfirmationMethod m) {
    return nameOf(kConfirmation, m);
}
std::optional<ConfirmationMethod> parseConfirmationMethod(std::string_view n) {
    return parseName(kConfirmation, n);
}
std::string_view excursionDecisionName(ExcursionDecision d) {
    return nameOf(kDecision, d);
}
std::optional<ExcursionDecision> parseExcursionDecision(std::string_view n) {
    return parseName(kDecision, n);
}

}  // namespace rxdesk::dispatch
