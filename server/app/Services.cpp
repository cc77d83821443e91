#include "app/Services.h"

#include "checks/BuiltinDrugKeywords.h"
#include "eprescription/CurlEPrescriptionClient.h"
#include "http/routes/AuditRoutes.h"
#include "http/routes/ClinicRoutes.h"
#include "http/routes/IntakeRoutes.h"
#include "http/routes/PrescriptionRoutes.h"
#include "imaging/ImagingDocumentReader.h"
#include "http/routes/ClientRoutes.h"
#include "http/routes/HealthRoutes.h"
#include "http/routes/SessionRoutes.h"
#include "http/routes/UserRoutes.h"
#include "store/Migrator.h"
#include "store/PosixFileSystem.h"

namespace rxdesk::app {

Services::Services(const Settings& settings, const Clock& clock, FileSystem* fs)
    : settings_(settings), clock_(clock) {
    if (!fs) {
        owned_fs_ = std::make_unique<store::PosixFileSystem>();
        fs = owned_fs_.get();
    }
    fs_ = fs;
    fs_->createDirectories(settings_.data_dir);
    database_ = std::make_unique<store::Database>(settings_.databasePath(), settings_.durability);
    store::Migrator::migrate(*database_);
    blobs_ = std::make_unique<store::FileBlobStore>(*fs_, settings_.blobRoot());
    user_repo_ = std::make_unique<store::SqliteUserRepository>(*database_);
    session_repo_ = std::make_unique<store::SqliteSessionRepository>(*database_);
    failure_repo_ = std::make_unique<store::SqliteLoginFailureRepository>(*database_);
    client_repo_ = std::make_unique<store::SqliteApiClientRepository>(*database_);
    audit_repo_ = std::make_unique<store::SqliteAuditRepository>(*database_);
    idempotency_repo_ = std::make_unique<store::SqliteIdempotencyRepository>(*database_);
    audit_ = std::make_unique<audit::AuditLog>(*database_, *audit_repo_, clock_);
    accounts_ = std::make_unique<auth::AccountService>(*database_, *user_repo_, *session_repo_,
                                                       *failure_repo_, *audit_, clock_,
                                                       settings_.auth);
    clients_ = std::make_unique<auth::ApiClientService>(*database_, *client_repo_, *audit_, clock_);
    prescription_repo_ = std::make_unique<store::SqlitePrescriptionRepository>(*database_);
    clinic_repo_ = std::make_unique<store::SqliteClinicRepository>(*database_);
    // Until the drug master is imported, drug classes come from a small keyword table.
    classifier_ = std::make_unique<checks::TableDrugClassifier>(checks::builtinKeywordClassifier());
    document_reader_ = std::make_unique<imaging::ImagingDocumentReader>();
    intake_ = std::make_unique<intake::IntakeService>(*database_, *prescription_repo_, *clinic_repo_,
                                                      *blobs_, *document_reader_, *audit_,
                                                      *classifier_, clock_);
    if (!settings_.eprescription.base_url.empty()) {
        sleeper_ = std::make_unique<eprescription::ThreadSleeper>();
        eprescriptions_ = std::make_unique<eprescription::CurlEPrescriptionClient>(
            settings_.eprescription, *sleeper_);
    }
    addRoutes();
}

Services::~Services() = default;

void Services::addRoutes() {
    http::addHealthRoutes(router_, metrics_, [this] {
        database_->read([this] { database_->connection().execAndGet("SELECT 1"); });
    });
    http::addSessionRoutes(router_, *accounts_);
    http::addUserRoutes(router_, *accounts_);
    http::addClientRoutes(router_, *clients_);
    http::addAuditRoutes(router_, *audit_);
    http::addClinicRoutes(router_, *database_, *clinic_repo_, *audit_);
    http::addIntakeRoutes(router_, *intake_, *document_reader_, *blobs_, eprescriptions_.get());
    http::addPrescriptionRoutes(router_, *intake_, *blobs_);
}

const http::HttpDependencies& Services::httpDependencies(bool https) {
    auto& slot = https ? https_deps_ : http_deps_;
    if (!slot)
        slot = std::make_unique<http::HttpDependencies>(http::HttpDependencies{
            router_, *accounts_, *clients_, *database_, *idempotency_repo_, *audit_, metrics_,
            clock_, https});
    return *slot;
}

}  // namespace rxdesk::app
