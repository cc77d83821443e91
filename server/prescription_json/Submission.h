#pragma once

#include <optional>
#include <string>

#include "prescription/OnlineConsultation.h"
#include "prescription/Prescription.h"

namespace rxdesk::prescription_json {

/// What a clinic sends with POST /api/v1/prescriptions: either a structured
/// prescription or the text of its JAHIS QR code (never both), optionally the image of
/// the paper prescription, and facts about the online consultation.
struct Submission {
    /// The clinic's own identifier for this prescription, 1–64 printable ASCII
    /// characters; the pharmacy uses it to detect resubmissions.
    std::string client_reference;
    /// Set when the body had "prescription"; its `online` equals `online` below.
    std::optional<prescription::Prescription> structured;
    /// Set when the body had "jahis": the QR text, as sent (not parsed here).
    std::optional<std::string> jahis_text;
    /// Base64 of the prescription image, checked for alphabet and padding only.
    std::optional<std::string> image_base64;
    /// "image/tiff", "image/png", "image/jpeg" or "application/pdf"; set exactly when
    /// image_base64 is.
    std::optional<std::string> image_media_type;
    /// initial_visit (初診) and underlying_conditions_known, nullopt when not sent.
    prescription::OnlineConsultation online;

    friend bool operator==(const Submission&, const Submission&) = default;
};

/// Parses and validates the body of POST /api/v1/prescriptions (UTF-8 JSON, see
/// docs/prescription-json.md). Throws rxdesk::Error(ErrorKind::BadRequest, ...):
/// "invalid_encoding" when the body is not UTF-8 (the code JsonBody uses),
/// "invalid_json" when it is not a JSON object (or nests deeper than kMaxJsonDepth),
/// "missing_field" when neither "prescription" nor "jahis" is present, and otherwise the
/// codes of decodePrescription with paths from the body's root ("prescription.rps[0]…").
/// Online facts may be given as the envelope's "online" or inside "prescription", not
/// both.
Submission decodeSubmission(const std::string& body);

}  // namespace rxdesk::prescription_json
