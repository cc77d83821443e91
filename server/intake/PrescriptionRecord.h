#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "prescription/Channel.h"
#include "prescription/Finding.h"
#include "prescription/Prescription.h"

namespace rxdesk::intake {

/// One page image kept with a prescription: the faxed copy, the original, a counter scan or
/// a clinic's upload. Both ids are blob ids (SHA-256).
struct PageRecord {
    std::string kind;  ///< "fax", "original", "scan", "upload"
    int page_no = 1;
    std::string blob_id;
    std::string preview_blob_id;  ///< PNG for the browser
    std::string media_type;
};

/// A finding as stored, with its resolution by a pharmacist.
struct FindingRecord {
    std::int64_t id = 0;
    prescription::Finding finding;
    std::optional<std::int64_t> resolved_at;
    std::string resolved_by;
    std::string resolution;
};

/// One line of the timeline.
struct EventRecord {
    std::int64_t at = 0;
    std::string actor;
    std::string action;
    std::string from_state;
    std::string to_state;
    std::string note;
};

/// A prescription in the queue, as stored.
struct PrescriptionRecord {
    std::int64_t id = 0;
    prescription::Channel channel = prescription::Channel::Fax;
    std::string status = "received";
    std::optional<std::string> held_from;
    std::optional<std::string> original_state;
    std::int64_t version = 1;
    std::optional<prescription::Prescription> content;  ///< empty: awaits manual entry
    std::string institution_code;
    std::string prescription_number;
    std::string issue_date;  ///< YYYY-MM-DD or ""
    std::string patient_ref;  ///< pseudonymous patient id, e.g. "pt-3f9a…" ("" when unknown)
    std::string patient_name;
    std::string match_key;   ///< equal keys: the same prescription ("" when unknown)
    std::optional<std::int64_t> clinic_id;
    std::optional<std::int64_t> client_id;
    std::string client_reference;
    std::string request_hash;
    std::string source_sha256;
    std::string sender_fax;
    std::string eprescription_id;
    std::int64_t received_at = 0;
    std::string received_by;  ///< actor
    std::optional<std::int64_t> duplicate_of;
    std::optional<std::int64_t> misdirected_at;
    std::string dispensed_on;
    std::optional<std::int64_t> completed_at;
    std::string dispensing_result_id;  ///< e-prescriptions: the service's receipt ("" until registered)
    std::optional<std::int64_t> dispensing_result_at;
    std::int64_t updated_at = 0;

    std::vector<PageRecord> pages;
    std::vector<FindingRecord> findings;
};

}  // namespace rxdesk::intake
