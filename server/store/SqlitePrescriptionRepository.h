#pragma once

#include "intake/PrescriptionRepository.h"
#include "store/Database.h"

namespace rxdesk::store {

/// PrescriptionRepository over `prescriptions`, `prescription_pages`,
/// `prescription_findings` and `prescription_events`. The content is kept as JAHIS text.
class SqlitePrescriptionRepository : public intake::PrescriptionRepository {
public:
    explicit SqlitePrescriptionRepository(Database& db) : db_(db) {}

    std::int64_t insert(const intake::PrescriptionRecord& record) override;
    std::optional<intake::PrescriptionRecord> find(std::int64_t id) override;
    std::optional<intake::PrescriptionRecord> findByClientReference(std::int64_t client_id,
                                                                    const std::string& reference) override;
    std::optional<std::int64_t> findOriginalOf(const std::string& source_sha256,
                                               const std::string& match_key,
                                               std::int64_t excluding_id) override;
    bool update(const intake::PrescriptionRecord& record, std::int64_t expected_version) override;
    void replaceFindings(std::int64_t id, const std::vector<prescription::Finding>& findings) override;
    bool resolveFinding(std::int64_t id, std::int64_t finding_id, std::int64_t at,
                        const std::string& by, const std::string& resolution) override;
    void addPages(std::int64_t id, const std::vector<intake::PageRecord>& pages) override;
    void addEvent(std::int64_t id, const intake::EventRecord& event) override;
    std::vector<intake::EventRecord> events(std::int64_t id) override;
    std::vector<intake::PrescriptionRecord> list(const intake::QueueFilter& filter) override;
    std::int64_t changeSequence() override;

private:
    void loadChildren(intake::PrescriptionRecord& record);
    Database& db_;
};

/// ClinicRepository over `clinics` and `clinic_fax_numbers`.
class SqliteClinicRepository : public intake::ClinicRepository {
public:
    explicit SqliteClinicRepository(Database& db) : db_(db) {}

    std::int64_t insert(const intake::Clinic& clinic) override;
    std::optional<intake::Clinic> findByInstitutionCode(const std::string& code) override;
    std::optional<intake::Clinic> findByFaxNumber(const std::string& normalized_number) override;
    std::optional<intake::Clinic> find(std::int64_t id) override;
    std::vector<intake::Clinic> list() override;
    bool update(const intake::Clinic& clinic) override;

private:
    std::optional<intake::Clinic> findWhere(const std::string& where, const std::string& value);
    Database& db_;
};

}  // namespace rxdesk::store
