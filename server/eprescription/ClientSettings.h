#pragma once

#include <chrono>
#include <cstddef>
#include <string>

namespace rxdesk::eprescription {

/// How CurlEPrescriptionClient reaches the service. Proposed properties in brackets; the
/// defaults are what an unset property means.
struct ClientSettings {
    /// [rxdesk.eprescription.base_url] e.g. "https://eps.example.jp/api". The paths of
    /// WireFormat are appended. "http://" is accepted only for a loopback host (the
    /// simulator); anything else must be https.
    std::string base_url;
    /// [rxdesk.eprescription.client_certificate] PEM file presented for mutual TLS; empty:
    /// no client certificate.
    std::string client_certificate;
    /// [rxdesk.eprescription.client_private_key] PEM key of the client certificate.
    std::string client_private_key;
    /// [rxdesk.eprescription.ca_file] PEM bundle trusted for the service's certificate;
    /// empty: the system's trust store.
    std::string ca_file;
    /// [rxdesk.eprescription.connect_timeout_ms] TCP + TLS handshake limit per attempt.
    std::chrono::milliseconds connect_timeout{3000};
    /// [rxdesk.eprescription.request_timeout_ms] whole-exchange limit per attempt.
    std::chrono::milliseconds request_timeout{10000};
    /// [rxdesk.eprescription.max_attempts] tries in all (1 = no retry) for connection
    /// errors, timeouts and 5xx answers; 4xx answers are never retried.
    int max_attempts = 3;
    /// [rxdesk.eprescription.initial_backoff_ms] wait before the 2nd attempt; doubles for
    /// each further one.
    std::chrono::milliseconds initial_backoff{200};
    /// [rxdesk.eprescription.max_backoff_ms] cap on any single wait.
    std::chrono::milliseconds max_backoff{2000};
    /// [rxdesk.eprescription.backoff_jitter] fraction in [0, 1): each wait is shortened by
    /// a random part of up to this fraction, so that many clients do not retry in step.
    double backoff_jitter = 0.2;
    /// [rxdesk.eprescription.max_response_bytes] larger answers are bad responses.
    std::size_t max_response_bytes = 4 * 1024 * 1024;

    /// Throws rxdesk::Error(BadRequest, "invalid_eprescription_settings", ..., field =
    /// property name) when a value is unusable: empty or non-http(s) base URL, plain http
    /// to a non-loopback host, certificate without key (or the reverse), non-positive
    /// timeouts, attempts outside 1..10, jitter outside [0, 1), max backoff below initial.
    void validate() const;
};

}  // namespace rxdesk::eprescription
