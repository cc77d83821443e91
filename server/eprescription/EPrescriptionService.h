#pragma once

#include "eprescription/DispensingResult.h"
#include "eprescription/ExchangeRequest.h"
#include "eprescription/RetrievedPrescription.h"

namespace rxdesk::eprescription {

/// The port to the national e-prescription service (電子処方箋管理サービス). Every failure is
/// an rxdesk::Error whose message never carries patient data:
/// - "eprescription_not_found" (NotFound): no prescription for the exchange number
/// - "eprescription_identity_mismatch" (RuleViolation): insurer number or birth date differ
/// - "eprescription_expired" (RuleViolation): past its last day of use
/// - "eprescription_already_dispensed" (Conflict): a dispensing result is registered already
/// - "eprescription_invalid_request" (BadRequest): the service rejected the request as
///   malformed (e.g. an exchange number of the wrong shape)
/// - "upstream_unavailable", "upstream_timeout", "upstream_bad_response"
///   (UpstreamUnavailable): the service could not be reached, was too slow or answered
///   something unreadable.
class EPrescriptionService {
public:
    virtual ~EPrescriptionService() = default;

    /// Fetches the prescription the exchange number stands for. Implementations may call
    /// the service more than once (retrieval has no side effects).
    virtual RetrievedPrescription retrieve(const ExchangeRequest& request) = 0;

    /// Registers what was dispensed. Safe to retry: a call is registered at most once even
    /// when the transport repeats it; a second, different result for the same prescription
    /// fails with "eprescription_already_dispensed".
    virtual RegistrationReceipt registerDispensingResult(const DispensingResult& result) = 0;
};

}  // namespace rxdesk::eprescription
