#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/Clock.h"
#include "intake/PrescriptionRecord.h"

namespace rxdesk::intake {

/// What a channel hands to the queue: whatever it could read, and where it came from.
struct Arrival {
    prescription::Channel channel = prescription::Channel::Fax;
    /// The prescription as read (QR, JAHIS text, clinic JSON, e-prescription); empty when
    /// nothing could be read (a fax without a readable QR): it then awaits manual entry.
    std::optional<prescription::Prescription> content;
    /// What reading reported (unknown records, unreadable QR, …).
    std::vector<prescription::Finding> read_findings;
    std::vector<PageRecord> pages;  ///< already stored as blobs
    std::string source_sha256;      ///< hash of the submitted document, to spot a resend
    std::optional<std::int64_t> client_id;
    std::string client_reference;  ///< a clinic's own reference: makes the push idempotent
    std::string request_hash;      ///< hash of the submitted body, to tell a retry from a clash
    std::string sender_fax;
    std::string eprescription_id;
    std::optional<TimePoint> received_at;  ///< default: now
};

/// Where a submitted document (fax, counter scan) came from.
struct DocumentArrival {
    prescription::Channel channel = prescription::Channel::Fax;
    std::string page_kind = "fax";  ///< "fax", "scan" or "original"
    std::string sender_fax;
    std::optional<TimePoint> received_at;
    std::optional<std::int64_t> client_id;
};

/// What IntakeService::receive did.
struct IntakeResult {
    PrescriptionRecord record;
    bool replayed = false;  ///< the same submission was received before; nothing new stored
};

}  // namespace rxdesk::intake
