#include "eprescription_sim/PrescriptionRegistry.h"

#include <cstdio>

#include "core/Error.h"
#include "eprescription/ValidityPeriod.h"

namespace rxdesk::eprescription_sim {

using eprescription::RegistrationReceipt;
using eprescription::RetrievedPrescription;
using eprescription::ServiceError;

namespace {

[[noreturn]] void invalidSeed(const std::string& why) {
    throw Error(ErrorKind::BadRequest, "invalid_seed", "seed prescription rejected: " + why);
}

std::string numbered(const char* prefix, int n) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%s%08d", prefix, n);
    return buffer;
}

}  // namespace

std::string PrescriptionRegistry::add(SeedPrescription seed) {
    const prescription::Prescription& p = seed.prescription;
    if (seed.exchange_number.empty()) invalidSeed("no exchange number");
    if (!p.issue_date) invalidSeed("no issue date");
    if (p.insurance.insurer_number.empty()) invalidSeed("no insurer number");
    if (!p.patient.birth_date) invalidSeed("no birth date");
    std::lock_guard lock(mutex_);
    if (id_by_exchange_number_.contains(seed.exchange_number)) {
        invalidSeed("exchange number already used");
    }
    if (seed.prescription_id.empty()) {
        do {
            seed.prescription_id = numbered("SIM-RX-", next_id_++);
        } while (by_id_.contains(seed.prescription_id));
    }
    if (by_id_.contains(seed.prescription_id)) invalidSeed("prescription id already used");
    const std::string id = seed.prescription_id;
    id_by_exchange_number_[seed.exchange_number] = id;
    by_id_[id] = Entry{std::move(seed), std::nullopt, {}, {}};
    return id;
}

std::variant<RetrievedPrescription, ServiceError> PrescriptionRegistry::retrieve(
    const eprescription::ExchangeRequest& request) const {
    std::lock_guard lock(mutex_);
    auto id = id_by_exchange_number_.find(request.exchange_number);
    if (id == id_by_exchange_number_.end()) return ServiceError::NotFound;
    const Entry& entry = by_id_.at(id->second);
    const prescription::Prescription& p = entry.seed.prescription;
    if (p.insurance.insurer_number != request.insurer_number ||
        p.patient.birth_date != request.birth_date) {
        return ServiceError::IdentityMismatch;
    }
    if (entry.result) return ServiceError::AlreadyDispensed;
    const Date expires_on = eprescription::lastDayOfUse(*p.issue_date, p.use_by_date);
    if (tokyoDate(clock_.now()) > expires_on) return ServiceError::Expired;
    return RetrievedPrescription{entry.seed.prescription_id, p, *p.issue_date, expires_on, {}};
}

std::variant<RegistrationReceipt, ServiceError> PrescriptionRegistry::registerResult(
    const eprescription::RegisterRequest& request) {
    std::lock_guard lock(mutex_);
    auto it = by_id_.find(request.result.prescription_id);
    if (it == by_id_.end()) return ServiceError::NotFound;
    Entry& entry = it->second;
    if (entry.result) {
        if (entry.request_id == request.request_id) return entry.receipt;
        return ServiceError::AlreadyDispensed;
    }
    entry.result = request.result;
    entry.request_id = request.request_id;
    entry.receipt = RegistrationReceipt{numbered("SIM-RS-", next_result_++), clock_.now()};
    return entry.receipt;
}

std::optional<eprescription::DispensingResult> PrescriptionRegistry::dispensingResult(
    const std::string& prescription_id) const {
    std::lock_guard lock(mutex_);
    auto it = by_id_.find(prescription_id);
    if (it == by_id_.end()) return std::nullopt;
    return it->second.result;
}

void PrescriptionRegistry::clearResults() {
    std::lock_guard lock(mutex_);
    for (auto& [id, entry] : by_id_) {
        entry.result.reset();
        entry.request_id.clear();
        entry.receipt = {};
    }
}

std::size_t PrescriptionRegistry::size() const {
    std::lock_guard lock(mutex_);
    return by_id_.size();
}

}  // namespace rxdesk::eprescription_sim
