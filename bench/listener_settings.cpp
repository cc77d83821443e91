// Prints the listener settings rxdesk would run with here (defaults, etc/rxdesk.properties
// if present in the working directory, RXDESK_* environment overrides) as command-line
// arguments for bench_baseline_server, one per line, so that the baseline always runs with
// exactly rxdesk's TLS cipher list, thread count, queue and timeouts.
//
//   bench_listener_settings      → --threads\n16\n--max-queued\n256\n...

#include <iostream>

#include "app/SettingsLoader.h"
#include "core/Error.h"

int main() {
    try {
        const rxdesk::app::Settings s = rxdesk::app::loadSettingsFile("");
        std::cout << "--threads\n"
                  << s.threads << "\n--max-queued\n"
                  << s.max_queued << "\n--timeout\n"
                  << s.request_timeout_seconds << "\n--keep-alive\n"
                  << s.keep_alive_seconds << "\n--ciphers\n"
                  << s.tls_ciphers << "\n";
        return 0;
    } catch (const rxdesk::Error& e) {
        std::cerr << "bench_listener_settings: " << e.what() << "\n";
        return 1;
    }
}
