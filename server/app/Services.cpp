#include "app/Services.h"

#include "app/SecretKeyFile.h"
#include "checks/BuiltinDrugKeywords.h"
#include "eprescription/CurlEPrescriptionClient.h"
#include "http/routes/AuditRoutes.h"
#include "http/routes/ClinicRoutes.h"
#include "http/routes/GuidanceRoutes.h"
#include "http/routes/DrugRoutes.h"
#include "http/routes/ShipmentRoutes.h"
#include "http/routes/ReportRoutes.h"
#include "shipping/DefaultHandlingRules.h"
#include "core/Error.h"
#include "http/routes/IntakeRoutes.h"
#include "http/routes/OriginalRoutes.h"
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
    secret_box_ = openSecretKey(settings_.secretKeyPath(), *database_);
    user_repo_ = std::make_unique<store::SqliteUserRepository>(*database_, secret_box_.get());
    session_repo_ = std::make_unique<store::SqliteSessionRepository>(*database_);
    failure_repo_ = std::make_unique<store::SqliteLoginFailureRepository>(*database_);
    client_repo_ = std::make_unique<store::SqliteApiClientRepository>(*database_);
    audit_repo_ = std::make_unique<store::SqliteAuditRepository>(*database_);
    idempotency_repo_ = std::make_unique<store::SqliteIdempotencyRepository>(*database_);
    audit_ = std::make_unique<audit::AuditLog>(*database_, *audit_repo_, clock_);
    sealClearTotpSecrets(*database_, *user_repo_, *audit_);  // databases from before encryption
    accounts_ = std::make_unique<auth::AccountService>(*database_, *user_repo_, *session_repo_,
                                                       *failure_repo_, *audit_, clock_,
                                                       settings_.auth);
    clients_ = std::make_unique<auth::ApiClientService>(*database_, *client_repo_, *audit_, clock_);
    prescription_repo_ = std::make_unique<store::SqlitePrescriptionRepository>(*database_);
    clinic_repo_ = std::make_unique<store::SqliteClinicRepository>(*database_);
    // Drug classes come from the imported master and supplement; drugs not in the master
    // (and everything before the first import) fall back to a small keyword table.
    drug_repo_ = std::make_unique<store::SqliteDrugRepository>(*database_);
    drug_catalogs_ = std::make_unique<shipping::DrugCatalogProvider>(*database_, *drug_repo_);
    classifier_ = std::make_unique<shipping::CatalogDrugClassifier>(*drug_catalogs_,
                                                                    checks::builtinKeywordClassifier());
    drug_data_ = std::make_unique<shipping::DrugDataService>(*database_, *drug_repo_, *drug_catalogs_,
                                                             *audit_, clock_);
    document_reader_ = std::make_unique<imaging::ImagingDocumentReader>();
    intake_ = std::make_unique<intake::IntakeService>(*database_, *prescription_repo_, *clinic_repo_,
                                                      *blobs_, *document_reader_, *audit_,
                                                      *classifier_, clock_);
    if (!settings_.eprescription.base_url.empty()) {
        sleeper_ = std::make_unique<eprescription::ThreadSleeper>();
        eprescriptions_ = std::make_unique<eprescription::CurlEPrescriptionClient>(
            settings_.eprescription, *sleeper_);
    }
    original_repo_ = std::make_unique<store::SqliteOriginalRepository>(*database_);
    retention_repo_ = std::make_unique<store::SqliteRetentionRepository>(*database_);
    originals_ = std::make_unique<originals::OriginalsService>(
        *database_, *prescription_repo_, *clinic_repo_, *original_repo_, *blobs_, *document_reader_,
        *audit_, clock_, settings_.originals);
    retention_ = std::make_unique<originals::RetentionService>(
        *database_, *retention_repo_, *blobs_, *audit_, clock_,
        originals::RetentionPolicy{settings_.originals.retention_years});
    blob_sweeper_ = std::make_unique<store::BlobSweeper>(*database_, *blobs_, *retention_repo_,
                                                         *audit_, clock_);
    guidance_repo_ = std::make_unique<store::SqliteGuidanceRepository>(*database_);
    outbox_ = std::make_unique<store::SqliteOutboxStore>(*database_);
    guidance_ = std::make_unique<scheduling::GuidanceService>(
        *database_, *guidance_repo_, *prescription_repo_, *intake_, *user_repo_, *outbox_, *audit_,
        clock_, settings_.guidance);
    notify_transport_ = std::make_unique<notify::CurlTransport>(settings_.notify.transport);
    {
        notify::DispatcherSettings d;
        d.retry = settings_.notify.retry;
        d.batch_size = settings_.notify.batch_size;
        d.lease = settings_.notify.lease;
        d.join_link = [this](const notify::Notification& n) { return guidance_->patientJoinLink(n); };
        dispatcher_ = std::make_unique<notify::Dispatcher>(*outbox_, *notify_transport_, clock_, d);
    }
    notification_pump_ =
        std::make_unique<scheduling::NotificationPump>(*dispatcher_, settings_.notify.poll_interval);
    {
        // A broken or missing rules table must stop the start: a half-read table could
        // allow a forbidden delivery method.
        const auto& file = settings_.dispatch.rules_file;
        std::optional<std::string> text =
            file.empty() ? std::optional<std::string>(std::string(shipping::defaultHandlingRulesText()))
                         : fs_->read(file);
        if (!text)
            throw Error(ErrorKind::BadRequest, "invalid_setting",
                        "配送ルール表を読めません: " + file, "rxdesk.dispatch.rules_file");
        handling_rules_ = std::make_unique<dispatch::HandlingRules>(dispatch::HandlingRules::fromText(*text));
    }
    shipment_repo_ = std::make_unique<store::SqliteShipmentRepository>(*database_);
    shipping_ = std::make_unique<shipping::ShippingService>(
        *database_, *shipment_repo_, *prescription_repo_, *intake_, *drug_catalogs_, *classifier_,
        *handling_rules_, *blobs_, *audit_, settings_.dispatch, clock_);
    report_queries_ = std::make_unique<store::SqliteReportQueries>(*database_);
    reports_ = std::make_unique<reporting::ReportService>(*database_, *report_queries_, *audit_repo_,
                                                          *originals_, *classifier_, *audit_, clock_);
    addRoutes();
}

Services::~Services() = default;

void Services::addRoutes() {
    http::addHealthRoutes(router_, metrics_, [this] {
        database_->ping();
    });
    http::addSessionRoutes(router_, *accounts_);
    http::addUserRoutes(router_, *accounts_);
    http::addClientRoutes(router_, *clients_);
    http::addAuditRoutes(router_, *audit_);
    http::addClinicRoutes(router_, *database_, *clinic_repo_, *audit_);
    http::addIntakeRoutes(router_, *intake_, *document_reader_, *blobs_, eprescriptions_.get());
    http::addPrescriptionRoutes(router_, *intake_, *blobs_);
    http::addOriginalRoutes(router_, *originals_, *blobs_);
    http::addGuidanceRoutes(router_, *guidance_);
    http::addDrugRoutes(router_, *drug_data_);
    http::addShipmentRoutes(router_, *shipping_);
    http::addReportRoutes(router_, *reports_);
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
