#pragma once

#include <memory>
#include <string>

#include "core/Clock.h"
#include "eprescription_sim/FaultInjector.h"
#include "eprescription_sim/PrescriptionRegistry.h"

namespace Poco {
class ThreadPool;
namespace Net {
class HTTPServer;
}
}  // namespace Poco

namespace rxdesk::eprescription_sim {

/// How the simulator listens.
struct SimulatorOptions {
    std::string bind_address = "127.0.0.1";
    int port = 0;  ///< 0: an ephemeral port, see EPrescriptionSimulator::port()
    /// TLS when both are set (PEM files); plain HTTP otherwise.
    std::string certificate_file;
    std::string private_key_file;
    /// With TLS: require a client certificate issued by (or equal to) one in this PEM file.
    std::string client_ca_file;
    /// Serve /control/ (faults, seeding, counters). Unauthenticated: keep it on loopback.
    bool control_enabled = true;
    int threads = 8;
    FaultSettings faults;  ///< initial faults
};

class SimulatorState;

/// A local stand-in for the national e-prescription service: serves WireFormat's retrieve
/// and register-result endpoints from a PrescriptionRegistry, with injectable faults. The
/// control endpoints (when enabled):
///   GET  /control/faults           → FaultSettings as JSON
///   POST /control/faults           {"fail_next","fail_status","delay_ms","close_next"}
///                                  (absent members: 0, 503)
///   POST /control/prescriptions    a SeedFile document; answers the assigned ids
///   GET  /control/stats            {"requests": service requests seen}
///   POST /control/reset            clears faults, counters and dispensing results
class EPrescriptionSimulator {
public:
    /// Binds the socket (throws Error(Storage, "bind_failed") or Error(BadRequest,
    /// "tls_unusable")); `clock` decides "today" for expiry and must outlive the simulator.
    EPrescriptionSimulator(SimulatorOptions options, const Clock& clock);
    /// Stops if running.
    ~EPrescriptionSimulator();

    EPrescriptionSimulator(const EPrescriptionSimulator&) = delete;
    EPrescriptionSimulator& operator=(const EPrescriptionSimulator&) = delete;

    void start();
    /// Stops accepting, wakes delayed handlers and waits for them.
    void stop();

    int port() const { return port_; }
    bool tls() const { return tls_; }
    /// "http://127.0.0.1:<port>" or "https://127.0.0.1:<port>" (a TLS certificate must
    /// name IP 127.0.0.1), for ClientSettings::base_url.
    std::string baseUrl() const;

    PrescriptionRegistry& registry();
    FaultInjector& faults();

private:
    std::shared_ptr<SimulatorState> state_;
    std::unique_ptr<Poco::ThreadPool> pool_;
    std::unique_ptr<Poco::Net::HTTPServer> server_;
    int port_ = 0;
    bool tls_ = false;
    bool running_ = false;
};

}  // namespace rxdesk::eprescription_sim
