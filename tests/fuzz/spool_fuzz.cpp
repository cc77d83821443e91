// libFuzzer entry point for the fax spool reader: the sidecar parser, the file-name rules,
// and a whole scan of a spool directory whose names and contents come from the input.
// Nothing may crash, hang or throw out of a scan except the documented Storage errors.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "core/Error.h"
#include "spool/Sidecar.h"
#include "spool/SpoolNames.h"
#include "spool/SpoolScanner.h"
#include "unit/spool/InMemorySpoolFileSystem.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace rxdesk;
    using namespace rxdesk::spool;
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);

    Sidecar meta = parseSidecar(bytes);
    if (meta.sender_fax && meta.sender_fax->empty()) std::abort();

    // The input as a directory: entries separated by '\n', each "name\tcontent"; a name's
    // first byte picks file, symlink or fifo. Names may hold anything but '/' and NUL.
    test::InMemorySpoolFileSystem fs;
    fs.mkdir("/spool");
    const TimePoint t0{};
    size_t start = 0;
    int entries = 0;
    while (start < bytes.size() && entries < 32) {
        size_t end = bytes.find('\n', start);
        if (end == std::string_view::npos) end = bytes.size();
        std::string_view line = bytes.substr(start, end - start);
        start = end + 1;
        size_t tab = line.find('\t');
        std::string name(line.substr(0, tab));
        std::string content(tab == std::string_view::npos ? "" : line.substr(tab + 1));
        if (name.empty() || name.find('/') != std::string::npos ||
            name.find('\0') != std::string::npos || name == "." || name == "..")
            continue;
        classifyName(name);
        sidecarName(name);
        collisionName(name, int(name.size() % 5));
        const std::string path = "/spool/" + name;
        if (name[0] == '~')
            fs.putSymlink(path, t0);
        else if (name[0] == '|')
            fs.putFifo(path, t0);
        else
            fs.put(path, content, t0);
        ++entries;
    }
    SpoolSettings settings;
    settings.enabled = true;
    settings.dir = "/spool";
    settings.settle_time = std::chrono::milliseconds(0);
    settings.max_attempts = 2;
    int calls = 0;
    SpoolScanner scanner(settings, fs, [&](const SpoolFile& file) {
        switch (++calls % 4) {
            case 0:
                return SpoolOutcome::accepted("1");
            case 1:
                return SpoolOutcome::rejected("unsupported_media_type", "読めません");
            case 2:
                return SpoolOutcome::retryLater("database_busy");
            default:
                throw Error(ErrorKind::Storage, "disk_full", "full");
        }
    });
    try {
        for (int scan = 0; scan < 3; ++scan) scanner.scanOnce(t0 + std::chrono::seconds(scan));
    } catch (const Error& e) {
        if (e.kind() != ErrorKind::Storage && e.kind() != ErrorKind::Conflict) std::abort();
    }
    return 0;
}
