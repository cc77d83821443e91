#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>

#include "core/Clock.h"
#include "spool/ScanReport.h"
#include "spool/SpoolFile.h"
#include "spool/SpoolFileSystem.h"
#include "spool/SpoolOutcome.h"
#include "spool/SpoolSettings.h"

namespace rxdesk::spool {

/// Receives each complete document. Must be idempotent on SpoolFile::sha256 (see there).
/// May throw: an exception counts as a retry-later attempt with the Error's code (or
/// "sink_failed").
using SpoolSink = std::function<SpoolOutcome(const SpoolFile&)>;

/// The spool rules as one step, `scanOnce`, over the SpoolFileSystem port with the time
/// passed in. Remembers between scans what it saw (for settling) and how often the sink
/// asked to retry; that memory is lost on restart, which only restarts settling and the
/// attempt count. Not thread-safe: one scanner per directory, one scan at a time (two
/// rxdesk processes must not watch the same directory).
///
/// Filing away (crash-safe order): the ready marker is removed, the sidecar is moved, the
/// .reason file written (rejected/ only), the document moved last, each move refusing to
/// replace. A crash at any point leaves at worst the document in the incoming directory,
/// which is handed over again: the sink dedupes it by sha256. In done/ and rejected/ a name
/// already taken (by the document, its .meta or its .reason) gets a "-1", "-2", ... suffix.
class SpoolScanner {
public:
    /// `settings.dir` is the incoming directory; done/ and rejected/ are created inside it
    /// on the first scan. `fs` must outlive the scanner. Throws like
    /// SpoolSettings::validate.
    SpoolScanner(SpoolSettings settings, SpoolFileSystem& fs, SpoolSink sink);

    /// Lists the directory once, hands every complete document to the sink (oldest mtime
    /// first, at most max_files_per_scan) and files it according to the outcome.
    /// Per-file problems become events and never stop the scan. Throws Error(Storage,
    /// "spool_unreadable" / "spool_layout_invalid" / "write_failed") when the directory
    /// cannot be listed or done/ or rejected/ cannot be created.
    ScanReport scanOnce(TimePoint now);

    static constexpr const char* kDoneDir = "done";
    static constexpr const char* kRejectedDir = "rejected";

private:
    struct Fingerprint {
        std::uint64_t size = 0;
        TimePoint mtime{};
        std::optional<std::pair<std::uint64_t, TimePoint>> sidecar;
        bool operator==(const Fingerprint&) const = default;
    };
    struct Observation {
        Fingerprint fingerprint;
        TimePoint since{};  ///< when this fingerprint was first seen
    };
    struct Candidate {
        SpoolEntry entry;
        std::optional<SpoolEntry> sidecar;
        bool has_marker = false;
    };

    bool isSettled(const Candidate& c, TimePoint now);
    void handOver(const Candidate& c, TimePoint now, ScanReport& report);
    void reject(const Candidate& c, const std::string& code, const std::string& reason,
                TimePoint now, SpoolEvent event, ScanReport& report);
    /// Moves the document (and its companions) into `subdir`; returns the name used.
    std::string fileAway(const Candidate& c, const char* subdir,
                         const std::optional<std::string>& reason_text);
    std::string pathOf(const std::string& name) const;
    std::string pathIn(const char* subdir, const std::string& name) const;
    void forget(const std::string& name);

    SpoolSettings settings_;
    SpoolFileSystem& fs_;
    SpoolSink sink_;
    std::map<std::string, Observation> seen_;
    std::map<std::string, int> attempts_;
};

}  // namespace rxdesk::spool
