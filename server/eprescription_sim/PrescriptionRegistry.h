#pragma once

#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <variant>

#include "core/Clock.h"
#include "eprescription/WireFormat.h"
#include "eprescription_sim/SeedPrescription.h"

namespace rxdesk::eprescription_sim {

/// The simulated service's state: prescriptions by exchange number and the dispensing
/// results registered against them. Thread-safe. Applies the service's rules: identity
/// match (insurer number and birth date), already dispensed, and expiry (4 days counting
/// the issue date unless a use-by date is written) against the injected clock, in Tokyo.
class PrescriptionRegistry {
public:
    explicit PrescriptionRegistry(const Clock& clock) : clock_(clock) {}

    /// Adds `seed` and returns its prescription id. Throws Error(BadRequest, "invalid_seed")
    /// when the issue date, insurer number, birth date or exchange number is missing, or the
    /// exchange number or prescription id is taken.
    std::string add(SeedPrescription seed);

    /// The prescription for `request`, or why not: NotFound (unknown exchange number),
    /// IdentityMismatch, AlreadyDispensed, Expired — checked in that order so nothing about a
    /// prescription is revealed to a caller who cannot prove the identity.
    std::variant<eprescription::RetrievedPrescription, eprescription::ServiceError> retrieve(
        const eprescription::ExchangeRequest& request) const;

    /// Records a dispensing result. A repeated request_id returns the first receipt; a
    /// different request for an already dispensed prescription is AlreadyDispensed; an
    /// unknown prescription id is NotFound.
    std::variant<eprescription::RegistrationReceipt, eprescription::ServiceError> registerResult(
        const eprescription::RegisterRequest& request);

    /// The registered result, if any.
    std::optional<eprescription::DispensingResult> dispensingResult(
        const std::string& prescription_id) const;

    /// Forgets every registered dispensing result (prescriptions stay).
    void clearResults();

    std::size_t size() const;

private:
    struct Entry {
        SeedPrescription seed;
        std::optional<eprescription::DispensingResult> result;
        std::string request_id;
        eprescription::RegistrationReceipt receipt;
    };

    const Clock& clock_;
    mutable std::mutex mutex_;
    std::map<std::string, Entry> by_id_;
    std::map<std::string, std::string> id_by_exchange_number_;
    int next_id_ = 1;
    int next_result_ = 1;
};

}  // namespace rxdesk::eprescription_sim
