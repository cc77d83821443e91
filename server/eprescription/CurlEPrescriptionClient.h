#pragma once

#include <functional>
#include <mutex>
#include <random>
#include <string>
#include <string_view>

#include "eprescription/ClientSettings.h"
#include "eprescription/EPrescriptionService.h"
#include "eprescription/RetryPolicy.h"
#include "eprescription/Sleeper.h"

namespace rxdesk::eprescription {

/// EPrescriptionService over HTTPS with libcurl: mutual TLS (client certificate), TLS 1.2 or
/// later, no redirects, WireFormat bodies. Connection errors, timeouts and 5xx answers are
/// retried up to `max_attempts` with exponential backoff and jitter (waits go through the
/// Sleeper); 4xx answers are final. After the last attempt a timeout is reported as
/// "upstream_timeout", anything else as "upstream_unavailable". TLS verification failures
/// are not retried ("upstream_unavailable"). Logs (logger "rxdesk.eprescription") name the
/// operation, attempt and HTTP status or curl error only, never patient data.
/// Thread-safe: each call uses its own curl handle.
class CurlEPrescriptionClient : public EPrescriptionService {
public:
    /// Validates `settings` (throws like ClientSettings::validate). `random01` supplies
    /// jitter in [0, 1); default: a seeded std::mt19937. `sleeper` must outlive the client.
    CurlEPrescriptionClient(ClientSettings settings, Sleeper& sleeper,
                            std::function<double()> random01 = {});

    /// Also throws Error(BadRequest, "invalid_exchange_request", field) before any network
    /// access when a field is empty or has characters no exchange/insurer number has.
    RetrievedPrescription retrieve(const ExchangeRequest& request) override;

    /// Sends a fresh random request_id that all retries of this call share, so the service
    /// registers the result once. Throws Error(BadRequest, "invalid_dispensing_result",
    /// field) when there is no prescription id or no item.
    RegistrationReceipt registerDispensingResult(const DispensingResult& result) override;

private:
    struct Response {
        long status = 0;
        std::string body;
    };

    /// POSTs `body` to base_url + `path`, retrying as described above; returns the first
    /// answer with a status below 500.
    Response post(std::string_view operation, std::string_view path, const std::string& body);

    double nextRandom();

    ClientSettings settings_;
    Sleeper& sleeper_;
    RetryPolicy retry_;
    std::function<double()> random01_;
    std::mutex random_mutex_;
    std::mt19937_64 engine_;
};

}  // namespace rxdesk::eprescription
