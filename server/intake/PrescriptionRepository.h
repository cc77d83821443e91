#pragma once

#include <optional>
#include <string>
#include <vector>

#include "intake/PrescriptionRecord.h"

namespace rxdesk::intake {

/// What the queue list filters on.
struct QueueFilter {
    std::vector<std::string> statuses;  ///< empty: every working status
    std::optional<prescription::Channel> channel;
    std::string patient_name_prefix;
    bool include_duplicates = false;
    bool include_misdirected = false;
    int limit = 100;
    std::int64_t before_id = 0;  ///< paging: ids lower than this (0: from the newest)
};

/// Storage port for the queue. Call inside a Transactor scope.
class PrescriptionRepository {
public:
    virtual ~PrescriptionRepository() = default;

    /// Inserts the record with its pages and findings; returns the new id.
    virtual std::int64_t insert(const PrescriptionRecord& record) = 0;
    /// The record with pages and findings, or nullopt.
    virtual std::optional<PrescriptionRecord> find(std::int64_t id) = 0;
    virtual std::optional<PrescriptionRecord> findByClientReference(std::int64_t client_id,
                                                                    const std::string& reference) = 0;
    /// The oldest prescription (not misdirected, not itself a duplicate) with the same
    /// source document hash or the same match key.
    virtual std::optional<std::int64_t> findOriginalOf(const std::string& source_sha256,
                                                       const std::string& match_key,
                                                       std::int64_t excluding_id) = 0;
    /// Writes the mutable fields if the stored version equals `expected_version`, bumping
    /// the version. False when someone else changed it first (nothing written).
    virtual bool update(const PrescriptionRecord& record, std::int64_t expected_version) = 0;
    virtual void replaceFindings(std::int64_t id, const std::vector<prescription::Finding>& findings) = 0;
    virtual bool resolveFinding(std::int64_t id, std::int64_t finding_id, std::int64_t at,
                                const std::string& by, const std::string& resolution) = 0;
    virtual void addPages(std::int64_t id, const std::vector<PageRecord>& pages) = 0;
    virtual void addEvent(std::int64_t id, const EventRecord& event) = 0;
    virtual std::vector<EventRecord> events(std::int64_t id) = 0;
    virtual std::vector<PrescriptionRecord> list(const QueueFilter& filter) = 0;
    /// A counter that grows with every write to a prescription, its pages or its findings
    /// (whoever makes it), so equal values mean no queue list can have changed.
    virtual std::int64_t changeSequence() = 0;
};

/// A clinic in the registry.
struct Clinic {
    std::int64_t id = 0;
    std::string institution_code;
    std::string name;
    std::vector<std::string> fax_numbers;
    std::optional<int> original_deadline_days;
    bool active = true;  ///< false: deactivated; its fax numbers no longer identify it
};

/// Storage port for the clinic registry. Call inside a Transactor scope.
class ClinicRepository {
public:
    virtual ~ClinicRepository() = default;
    /// Throws Error(Conflict, "clinic_exists") or (Conflict, "fax_number_taken").
    virtual std::int64_t insert(const Clinic& clinic) = 0;
    virtual std::optional<Clinic> findByInstitutionCode(const std::string& code) = 0;
    /// Active clinics only: a deactivated clinic's numbers identify no one.
    virtual std::optional<Clinic> findByFaxNumber(const std::string& normalized_number) = 0;
    virtual std::optional<Clinic> find(std::int64_t id) = 0;
    virtual std::vector<Clinic> list() = 0;
    /// Writes name, deadline, active flag and the whole set of fax numbers of the clinic
    /// `clinic.id` (institution code unchanged). Returns false when no such clinic. Throws
    /// Error(Conflict, "fax_number_taken") when a number belongs to another clinic.
    virtual bool update(const Clinic& clinic) = 0;
};

}  // namespace rxdesk::intake
