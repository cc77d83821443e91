#pragma once

#include <string>
#include <string_view>

#include "core/Error.h"
#include "eprescription/DispensingResult.h"
#include "eprescription/ExchangeRequest.h"
#include "eprescription/RetrievedPrescription.h"

namespace rxdesk::eprescription {

/// The refusals the service reports as a 4xx answer with an error code.
enum class ServiceError { InvalidRequest, NotFound, IdentityMismatch, Expired, AlreadyDispensed };

/// A decoded register-result request: the result plus the caller's idempotency key.
struct RegisterRequest {
    std::string request_id;
    DispensingResult result;
};

/// An HTTP status and JSON body to answer with.
struct WireResponse {
    int status = 200;
    std::string body;
};

/// Everything about the bytes exchanged with the e-prescription service, for both ends
/// (CurlEPrescriptionClient and the simulator), so a different real format replaces this one
/// file. The format, version 1 (JSON, UTF-8, snake_case, POST only):
///
///   POST <base>/v1/prescriptions/retrieve
///     {"exchange_number":"…","insurer_number":"…","birth_date":"YYYY-MM-DD"}
///   200 {"prescription_id":"…","issued_on":"YYYY-MM-DD","expires_on":"YYYY-MM-DD",
///        "content":{"format":"JAHIS","text":"JAHIS10\r\n1,1,…\r\n…"}}
///
///   POST <base>/v1/dispensing-results
///     {"request_id":"…","prescription_id":"…","dispensed_at":"RFC 3339",
///      "pharmacist":{"name":"…","registration_number":"…"},
///      "items":[{"rp_no":1,"code_system":2,"code":"…","name":"…","amount":"3",
///                "unit":"錠","quantity":14}]}
///   200 {"result_id":"…","registered_at":"RFC 3339"}
///   A repeated request_id answers the first receipt again (idempotent retries).
///
///   4xx {"error":{"code":"…","message":"…"}} with code/status
///     invalid_request 400 · prescription_not_found 404 · identity_mismatch 422 ·
///     prescription_expired 422 · already_dispensed 409.
///
/// The prescription travels as JAHIS 院外処方箋2次元シンボル text (JahisWriter/JahisParser):
/// one mapping of the content that rxdesk already has and tests field by field, and the
/// same text a paper prescription's QR carries. `code_system` uses the JAHIS 薬品コード種別.
class WireFormat {
public:
    static constexpr std::string_view kRetrievePath = "/v1/prescriptions/retrieve";
    static constexpr std::string_view kRegisterPath = "/v1/dispensing-results";
    static constexpr std::string_view kContentType = "application/json; charset=utf-8";

    static std::string encodeRetrieveRequest(const ExchangeRequest& request);
    /// Throws Error(BadRequest, "invalid_request", …, field) when malformed.
    static ExchangeRequest decodeRetrieveRequest(std::string_view body);

    static std::string encodeRetrieveResponse(const RetrievedPrescription& retrieved);
    /// Throws Error(UpstreamUnavailable, "upstream_bad_response", …, field) when the body is
    /// not the documented JSON or its JAHIS text has no header. JAHIS findings go to
    /// RetrievedPrescription::findings.
    static RetrievedPrescription decodeRetrieveResponse(std::string_view body);

    static std::string encodeRegisterRequest(const std::string& request_id,
                                             const DispensingResult& result);
    /// Throws Error(BadRequest, "invalid_request", …, field) when malformed.
    static RegisterRequest decodeRegisterRequest(std::string_view body);

    static std::string encodeRegisterResponse(const RegistrationReceipt& receipt);
    /// Throws Error(UpstreamUnavailable, "upstream_bad_response", …) when malformed.
    static RegistrationReceipt decodeRegisterResponse(std::string_view body);

    /// The status and body the service answers a refusal with. `detail` is an optional
    /// English sentence (never patient data).
    static WireResponse encodeError(ServiceError error, std::string_view detail = {});

    /// The rxdesk::Error for a non-2xx answer that the client does not retry:
    /// the service's error codes map to "eprescription_*" codes (see EPrescriptionService);
    /// 401/403 to "upstream_unavailable" (our certificate was refused); anything else
    /// (unknown code, HTML error page, 3xx) to "upstream_bad_response". The returned
    /// message names the HTTP status at most, never the body.
    static Error errorFromResponse(int status, std::string_view body);
};

}  // namespace rxdesk::eprescription
