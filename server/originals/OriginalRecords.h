#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "intake/PrescriptionRecord.h"
#include "prescription/Prescription.h"
#include "workflow/Difference.h"

namespace rxdesk::originals {

/// How an original was compared with the dispensed copy.
enum class ComparisonMethod {
    Qr,      ///< "qr": the original's QR decoded and compared field by field
    Manual,  ///< "manual": a pharmacist compared by eye
    NoScan,  ///< "no_scan": arrival recorded without a scan; not compared yet
};

/// One comparison of an original with the dispensed copy, as stored.
struct ReconciliationRecord {
    std::int64_t id = 0;
    std::int64_t prescription_id = 0;
    std::int64_t at = 0;
    std::string actor;
    ComparisonMethod method = ComparisonMethod::Qr;
    bool readable = true;
    bool matched = false;
    /// Contains patient data: shown to staff, never logged.
    std::vector<workflow::Difference> differences;
    std::string source_sha256;  ///< the scanned document's blob id ("" without a scan)
    std::string note;
};

/// An inquiry to the prescriber (疑義照会) about an original that differs from the copy.
struct InquiryRecord {
    std::int64_t id = 0;
    std::int64_t prescription_id = 0;
    std::string reason;  ///< "original_mismatch" or "manual"
    std::int64_t opened_at = 0;
    std::string opened_by;
    std::string called_by;  ///< who called the clinic ("" until a call is recorded)
    std::optional<std::int64_t> called_at;
    std::string clinic_contact;  ///< who answered at the clinic
    std::string answer;
    std::optional<std::string> resolution;
    std::optional<std::int64_t> resolved_at;
    std::string resolved_by;

    bool open() const { return !resolved_at.has_value(); }
};

/// An original that could not be matched to a prescription, held for a pharmacist.
struct OrphanOriginal {
    std::int64_t id = 0;
    std::int64_t received_at = 0;
    std::string received_by;
    std::string source_sha256;
    std::optional<prescription::Prescription> content;  ///< empty: QR unreadable
    std::string institution_code;
    std::string prescription_number;
    std::string issue_date;
    std::string patient_ref;
    std::string patient_name;
    std::string match_key;
    std::string hold_reason;  ///< "no_match", "ambiguous", "unreadable"
    std::optional<std::int64_t> attached_to;
    std::optional<std::int64_t> attached_at;
    std::string attached_by;
    std::vector<intake::PageRecord> pages;  ///< kind "original"
};

/// A prescription whose original is awaited, as the overdue list needs it.
struct AwaitingRow {
    std::int64_t prescription_id = 0;
    std::string status;
    std::optional<std::int64_t> clinic_id;
    std::string clinic_name;
    std::optional<int> clinic_deadline_days;
    std::string institution_code;
    std::string patient_name;  ///< patient data: staff views only
    std::string patient_ref;
    std::string prescription_number;
    std::string issue_date;
    std::string dispensed_on;  ///< "" until dispensed
    std::int64_t received_at = 0;
    std::optional<std::int64_t> client_id;
    std::string client_reference;
};

/// What can narrow the list of awaited originals.
struct AwaitingFilter {
    std::optional<std::int64_t> clinic_id;
    /// A clinic's API key: its own pushes, or prescriptions of its institution.
    std::optional<std::int64_t> client_id;
    std::string institution_code;
};

/// What a retention run removed (counts only: no patient data).
struct RetentionCounts {
    std::int64_t prescriptions = 0;
    /// Rows removed per table, the prescriptions table included.
    std::map<std::string, std::int64_t> rows_by_table;
    /// Blob ids the removed rows named (candidates for deletion when no longer referenced).
    std::vector<std::string> released_blobs;
};

std::string_view name(ComparisonMethod method);
std::optional<ComparisonMethod> parseComparisonMethod(std::string_view text);

}  // namespace rxdesk::originals
