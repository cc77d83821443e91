#pragma once

#include <Poco/JSON/Object.h>

#include "prescription/Prescription.h"

namespace rxdesk::prescription_json {

/// Reads the clinic API's JSON form of a prescription (described in
/// docs/prescription-json.md). Validation is strict: every problem throws
/// rxdesk::Error(ErrorKind::BadRequest, code, message, field) where `code` is
/// "missing_field" (required and absent, null or empty), "invalid_field" (wrong type,
/// unknown enum value, bad date, out of range, too long, too many elements, a code of the
/// wrong shape for its code system, invalid UTF-8 or control characters) or
/// "unknown_field" (a member the schema does not have, at any level, so typos are caught).
/// `field` is the path of the offending member relative to `o`, e.g.
/// "rps[0].items[1].code". The Japanese message names the path, never the value.
/// The first problem found is reported; nothing is partially returned.
prescription::Prescription decodePrescription(const Poco::JSON::Object& o);

/// Like decodePrescription, but every reported path is prefixed with `path` (e.g.
/// "prescription" gives "prescription.rps[0].days"), for a prescription nested in an
/// envelope.
prescription::Prescription decodePrescription(const Poco::JSON::Object& o, const std::string& path);

/// The JSON form of `p`, in the shape decodePrescription reads: empty strings and
/// nullopt members are left out, so decodePrescription(encodePrescription(p)) == p for
/// every prescription that passes decodePrescription's validation. Never throws for
/// other prescriptions (e.g. one read from a fax with fields missing); the result then
/// shows what is there.
Poco::JSON::Object encodePrescription(const prescription::Prescription& p);

/// A short view for lists: patient_name (kanji, else kana), patient_name_kana,
/// birth_date, sex, institution_code, institution_name, issue_date, rp_count, item_count.
/// Members without a value are left out. Never throws.
Poco::JSON::Object encodeSummary(const prescription::Prescription& p);

}  // namespace rxdesk::prescription_json
