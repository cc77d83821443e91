// rxdesk-eprescription-sim: a local stand-in for the national e-prescription service, for the
// demo (scripts/run --demo) and for manual testing. See --help.
#include <Poco/File.h>
#include <Poco/Path.h>
#include <sys/stat.h>

#include <csignal>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "core/Error.h"
#include "core/SystemClock.h"
#include "crypto/SelfSignedCertificate.h"
#include "eprescription_sim/DemoPrescriptions.h"
#include "eprescription_sim/EPrescriptionSimulator.h"
#include "eprescription_sim/SeedFile.h"

namespace {

using namespace rxdesk;
using namespace rxdesk::eprescription_sim;

constexpr const char* kUsage = R"(usage: rxdesk-eprescription-sim [options]
  --bind ADDR        listen address (default 127.0.0.1)
  --port N           port (default 18443; 0 = any free port)
  --http             plain HTTP instead of HTTPS (loopback only)
  --cert FILE --key FILE
                     server certificate and key (PEM); without them a self-signed pair
                     for 127.0.0.1/localhost is generated into --tls-dir
  --tls-dir DIR      where the generated certificate goes (default ./eprescription-sim-tls);
                     point rxdesk.eprescription.ca_file at DIR/server-cert.pem
  --client-ca FILE   require client certificates trusted by FILE (mutual TLS)
  --seed FILE        add prescriptions from a seed file (JSON, see SeedFile.h); repeatable
  --no-demo          do not load the built-in demo prescriptions
  --no-control       disable the /control/ endpoints
)";

void writeFile(const std::string& path, const std::string& content) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << content;
    if (!out) throw Error(ErrorKind::Storage, "write_failed", "cannot write " + path);
}

int run(int argc, char** argv) {
    SimulatorOptions options;
    options.port = 18443;
    bool plain_http = false;
    bool demo = true;
    std::string tls_dir = "eprescription-sim-tls";
    std::vector<std::string> seeds;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= argc) throw Error(ErrorKind::BadRequest, "usage", arg + " needs a value");
            return argv[++i];
        };
        if (arg == "--bind")
            options.bind_address = value();
        else if (arg == "--port")
            options.port = std::stoi(value());
        else if (arg == "--http")
            plain_http = true;
        else if (arg == "--cert")
            options.certificate_file = value();
        else if (arg == "--key")
            options.private_key_file = value();
        else if (arg == "--tls-dir")
            tls_dir = value();
        else if (arg == "--client-ca")
            options.client_ca_file = value();
        else if (arg == "--seed")
            seeds.push_back(value());
        else if (arg == "--no-demo")
            demo = false;
        else if (arg == "--no-control")
            options.control_enabled = false;
        else if (arg == "--help" || arg == "-h") {
            std::cout << kUsage;
            return 0;
        } else {
            std::cerr << "unknown option " << arg << "\n" << kUsage;
            return 2;
        }
    }
    if (plain_http) {
        if (options.bind_address != "127.0.0.1" && options.bind_address != "::1") {
            std::cerr << "--http listens on loopback only\n";
            return 2;
        }
        options.certificate_file.clear();
        options.private_key_file.clear();
    } else if (options.certificate_file.empty() || options.private_key_file.empty()) {
        Poco::File(tls_dir).createDirectories();
        const auto pair = crypto::generateSelfSignedCertificate("rxdesk-eprescription-sim",
                                                                {"127.0.0.1", "localhost"});
        options.certificate_file = Poco::Path(tls_dir, "server-cert.pem").toString();
        options.private_key_file = Poco::Path(tls_dir, "server-key.pem").toString();
        writeFile(options.certificate_file, pair.certificate_pem);
        writeFile(options.private_key_file, pair.private_key_pem);
        ::chmod(options.private_key_file.c_str(), 0600);
        std::cout << "generated certificate: " << options.certificate_file << "\n";
    }

    // Block the termination signals before any thread starts so every thread inherits the
    // mask and sigwait below receives them.
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);

    SystemClock clock;
    EPrescriptionSimulator simulator(options, clock);
    const Date today = tokyoDate(clock.now());
    if (demo) {
        for (SeedPrescription& seed : demoPrescriptions(today))
            simulator.registry().add(std::move(seed));
    }
    for (const std::string& file : seeds) {
        for (SeedPrescription& seed : SeedFile::load(file, today)) {
            simulator.registry().add(std::move(seed));
        }
    }
    simulator.start();
    std::cout << "rxdesk-eprescription-sim listening on " << simulator.baseUrl() << " ("
              << simulator.registry().size() << " prescriptions)" << std::endl;
    if (demo) {
        std::cout << "demo exchange numbers (insurer 06139999):\n"
                     "  1000000000000001 birth 1985-04-01 valid\n"
                     "  1000000000000002 birth 1950-12-24 valid (use-by date)\n"
                     "  1000000000000003 birth 1972-07-07 expired\n"
                  << std::flush;
    }
    int received = 0;
    sigwait(&signals, &received);
    simulator.stop();
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    try {
        return run(argc, argv);
    } catch (const std::exception& e) {
        std::cerr << "rxdesk-eprescription-sim: " << e.what() << "\n";
        return 1;
    }
}
