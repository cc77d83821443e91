#pragma once

#include <memory>

#include "app/Settings.h"
#include "audit/AuditLog.h"
#include "auth/AccountService.h"
#include "auth/ApiClientService.h"
#include "core/Clock.h"
#include "core/FileSystem.h"
#include "crypto/SecretBox.h"
#include "http/HttpDependencies.h"
#include "http/Metrics.h"
#include "http/Router.h"
#include "store/BlobSweeper.h"
#include "store/Database.h"
#include "store/FileBlobStore.h"
#include "store/SqliteApiClientRepository.h"
#include "store/SqliteAuditRepository.h"
#include "store/SqliteIdempotencyRepository.h"
#include "store/SqliteLoginFailureRepository.h"
#include "store/SqliteSessionRepository.h"
#include "store/SqliteUserRepository.h"
#include "store/SqlitePrescriptionRepository.h"
#include "checks/TableDrugClassifier.h"
#include "eprescription/EPrescriptionService.h"
#include "eprescription/Sleeper.h"
#include "intake/DocumentReader.h"
#include "intake/IntakeService.h"
#include "originals/OriginalsService.h"
#include "originals/RetentionService.h"
#include "store/SqliteOriginalRepository.h"
#include "notify/Dispatcher.h"
#include "notify_curl/CurlTransport.h"
#include "scheduling/GuidanceService.h"
#include "scheduling/NotificationPump.h"
#include "store/SqliteGuidanceRepository.h"
#include "store/SqliteOutboxStore.h"
#include "dispatch/rules/HandlingRules.h"
#include "shipping/CatalogDrugClassifier.h"
#include "shipping/DrugCatalogProvider.h"
#include "shipping/DrugDataService.h"
#include "shipping/ShippingService.h"
#include "store/SqliteDrugRepository.h"
#include "store/SqliteShipmentRepository.h"
#include "reporting/ReportService.h"
#include "store/SqliteReportQueries.h"

namespace rxdesk::app {

/// The object graph of one rxdesk instance: the database (migrated on construction), blob
/// store, repositories, services and HTTP routes, wired from Settings. Used by `serve`, by
/// every CLI command and by the integration tests, so all three run the same wiring.
class Services {
public:
    /// Opens the database in settings.data_dir and applies pending migrations. `fs` replaces
    /// the real file system (fault injection in tests).
    Services(const Settings& settings, const Clock& clock, FileSystem* fs = nullptr);
    ~Services();

    const Settings& settings() const { return settings_; }
    const Clock& clock() const { return clock_; }
    store::Database& database() { return *database_; }
    FileSystem& fileSystem() { return *fs_; }
    store::FileBlobStore& blobs() { return *blobs_; }
    audit::AuditLog& audit() { return *audit_; }
    auth::AccountService& accounts() { return *accounts_; }
    auth::ApiClientService& clients() { return *clients_; }
    auth::UserRepository& users() { return *user_repo_; }
    intake::IntakeService& intake() { return *intake_; }
    intake::ClinicRepository& clinics() { return *clinic_repo_; }
    /// The e-prescription service client, or null when rxdesk.eprescription.base_url is unset.
    eprescription::EPrescriptionService* eprescriptions() { return eprescriptions_.get(); }
    scheduling::GuidanceService& guidance() { return *guidance_; }
    notify::OutboxStore& outbox() { return *outbox_; }
    /// The notification dispatcher's thread; `serve` starts it (rxdesk.notify.enabled), tests
    /// call runNow() or start() themselves.
    scheduling::NotificationPump& notificationPump() { return *notification_pump_; }
    originals::OriginalsService& originals() { return *originals_; }
    /// The retention job (rxdesk retention run, and the server's daily timer).
    originals::RetentionService& retention() { return *retention_; }
    /// The sweep of blobs no row names (run with the retention job).
    store::BlobSweeper& blobSweeper() { return *blob_sweeper_; }
    /// Drug master and supplement imports and edits.
    shipping::DrugDataService& drugData() { return *drug_data_; }
    /// Shipments, parcels, labels and custody.
    shipping::ShippingService& shipping() { return *shipping_; }
    /// Reports (帳票) as report models.
    reporting::ReportService& reports() { return *reports_; }
    /// The handling rules table loaded at start-up (rxdesk.dispatch.rules_file).
    const dispatch::HandlingRules& handlingRules() const { return *handling_rules_; }
    http::Router& router() { return router_; }
    http::Metrics& metrics() { return metrics_; }
    /// What the HTTP wrapper needs; `https` tells whether to send HSTS.
    const http::HttpDependencies& httpDependencies(bool https);

private:
    void addRoutes();

    Settings settings_;
    const Clock& clock_;
    std::unique_ptr<FileSystem> owned_fs_;
    FileSystem* fs_;
    std::unique_ptr<store::Database> database_;
    std::unique_ptr<store::FileBlobStore> blobs_;
    std::unique_ptr<crypto::SecretBox> secret_box_;
    std::unique_ptr<store::SqliteUserRepository> user_repo_;
    std::unique_ptr<store::SqliteSessionRepository> session_repo_;
    std::unique_ptr<store::SqliteLoginFailureRepository> failure_repo_;
    std::unique_ptr<store::SqliteApiClientRepository> client_repo_;
    std::unique_ptr<store::SqliteAuditRepository> audit_repo_;
    std::unique_ptr<store::SqliteIdempotencyRepository> idempotency_repo_;
    std::unique_ptr<audit::AuditLog> audit_;
    std::unique_ptr<auth::AccountService> accounts_;
    std::unique_ptr<auth::ApiClientService> clients_;
    std::unique_ptr<store::SqlitePrescriptionRepository> prescription_repo_;
    std::unique_ptr<store::SqliteClinicRepository> clinic_repo_;
    std::unique_ptr<store::SqliteDrugRepository> drug_repo_;
    std::unique_ptr<shipping::DrugCatalogProvider> drug_catalogs_;
    std::unique_ptr<shipping::CatalogDrugClassifier> classifier_;
    std::unique_ptr<shipping::DrugDataService> drug_data_;
    std::unique_ptr<dispatch::HandlingRules> handling_rules_;
    std::unique_ptr<store::SqliteShipmentRepository> shipment_repo_;
    std::unique_ptr<shipping::ShippingService> shipping_;
    std::unique_ptr<intake::DocumentReader> document_reader_;
    std::unique_ptr<intake::IntakeService> intake_;
    std::unique_ptr<eprescription::ThreadSleeper> sleeper_;
    std::unique_ptr<eprescription::EPrescriptionService> eprescriptions_;
    std::unique_ptr<store::SqliteGuidanceRepository> guidance_repo_;
    std::unique_ptr<store::SqliteOutboxStore> outbox_;
    std::unique_ptr<scheduling::GuidanceService> guidance_;
    std::unique_ptr<notify::CurlTransport> notify_transport_;
    std::unique_ptr<notify::Dispatcher> dispatcher_;
    std::unique_ptr<scheduling::NotificationPump> notification_pump_;
    std::unique_ptr<store::SqliteOriginalRepository> original_repo_;
    std::unique_ptr<store::SqliteRetentionRepository> retention_repo_;
    std::unique_ptr<originals::OriginalsService> originals_;
    std::unique_ptr<originals::RetentionService> retention_;
    std::unique_ptr<store::BlobSweeper> blob_sweeper_;
    std::unique_ptr<store::SqliteReportQueries> report_queries_;
    std::unique_ptr<reporting::ReportService> reports_;
    http::Router router_;
    http::Metrics metrics_;
    std::unique_ptr<http::HttpDependencies> https_deps_;
    std::unique_ptr<http::HttpDependencies> http_deps_;
};

}  // namespace rxdesk::app
