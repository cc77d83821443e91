#pragma once

#include <string>

#include "auth/AuthSettings.h"
#include "eprescription/ClientSettings.h"
#include "originals/OriginalsSettings.h"
#include "scheduling/GuidanceSettings.h"
#include "shipping/DispatchSettings.h"
#include "spool/SpoolSettings.h"
#include "store/Database.h"

namespace rxdesk::app {

/// Every setting rxdesk reads, with its default. Parsed once at start-up by loadSettings;
/// the sample etc/rxdesk.properties documents each key.
struct Settings {
    std::string data_dir = "var";  ///< rxdesk.data_dir

    std::string bind_address = "0.0.0.0";  ///< rxdesk.https.bind
    int https_port = 8443;                 ///< rxdesk.https.port (0: any free port)
    std::string tls_certificate;           ///< rxdesk.tls.certificate (default <data>/tls/server.crt)
    std::string tls_private_key;           ///< rxdesk.tls.private_key (default <data>/tls/server.key)
    std::string tls_ciphers =              ///< rxdesk.tls.ciphers (TLS 1.2; 1.3 suites are all AEAD)
        "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:"
        "ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:"
        "ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305";

    bool http_enabled = false;  ///< rxdesk.http.enabled: plain HTTP, on 127.0.0.1 only
    int http_port = 8080;       ///< rxdesk.http.port

    int threads = 16;                   ///< rxdesk.server.threads
    int max_queued = 256;               ///< rxdesk.server.max_queued
    int request_timeout_seconds = 30;   ///< rxdesk.server.request_timeout_seconds
    int keep_alive_seconds = 15;        ///< rxdesk.server.keep_alive_seconds
    int shutdown_grace_seconds = 20;    ///< rxdesk.server.shutdown_grace_seconds

    store::Durability durability = store::Durability::Full;  ///< rxdesk.store.durability
    auth::AuthSettings auth;  ///< rxdesk.session.*, rxdesk.login.*, rxdesk.password.*
    std::string log_level = "information";  ///< rxdesk.log.level
    /// rxdesk.eprescription.*: the national e-prescription service (empty base_url: off).
    eprescription::ClientSettings eprescription;
    /// rxdesk.spool.*: the fax server's spool directory (off unless enabled).
    spool::SpoolSettings spool;
    /// rxdesk.originals.*, rxdesk.retention.*: originals (原本) deadlines, chase letters and
    /// retention of dispensed prescriptions.
    originals::OriginalsSettings originals;
    /// rxdesk.guidance.*: video guidance (pharmacy name in messages, reminders, video service).
    scheduling::GuidanceSettings guidance;
    /// rxdesk.notify.*: the notification outbox dispatcher and its upstreams.
    scheduling::NotifySettings notify;
    /// rxdesk.dispatch.*: handling rules file, sender pharmacy, Yamato B2 export.
    shipping::DispatchSettings dispatch;
    std::string web_root = "web";  ///< rxdesk.web.root: the UI's static files ("" = none)

    std::string databasePath() const { return data_dir + "/rxdesk.db"; }
    std::string blobRoot() const { return data_dir + "/blobs"; }
    /// The key sealing secrets at rest (app/SecretKeyFile.h); back it up with the database.
    std::string secretKeyPath() const { return data_dir + "/secrets.key"; }
};

}  // namespace rxdesk::app
