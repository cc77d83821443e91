#include "spool/SpoolScanner.h"

#include <algorithm>
#include <set>
#include <tuple>

#include "core/Error.h"
#include "core/TokyoTime.h"
#include "crypto/Hashing.h"
#include "spool/Sidecar.h"
#include "spool/SpoolNames.h"

namespace rxdesk::spool {
namespace {

// Enough for any real collision history; past it something is wrong with the directory.
constexpr int kMaxCollisionSuffix = 10'000;

std::string tooLargeReason(std::uint64_t limit) {
    return "ファイルが大きすぎるため取り込めません（上限 " + std::to_string(limit) + " バイト）";
}

std::string reasonFileText(const std::string& original_name, const std::string& code,
                           const std::string& reason, TimePoint now) {
    return "code=" + code + "\nreason=" + reason + "\nfile=" + original_name +
           "\nrejected_at=" + formatTokyo(now) + "\n";
}

}  // namespace

SpoolScanner::SpoolScanner(SpoolSettings settings, SpoolFileSystem& fs, SpoolSink sink)
    : settings_(std::move(settings)), fs_(fs), sink_(std::move(sink)) {
    settings_.validate();
}

std::string SpoolScanner::pathOf(const std::string& name) const {
    return settings_.dir + "/" + name;
}

std::string SpoolScanner::pathIn(const char* subdir, const std::string& name) const {
    return settings_.dir + "/" + subdir + "/" + name;
}

void SpoolScanner::forget(const std::string& name) {
    seen_.erase(name);
    attempts_.erase(name);
}

ScanReport SpoolScanner::scanOnce(TimePoint now) {
    ScanReport report;
    const auto entries = fs_.list(settings_.dir);
    fs_.createDirectory(settings_.dir + "/" + kDoneDir);
    fs_.createDirectory(settings_.dir + "/" + kRejectedDir);

    std::map<std::string, const SpoolEntry*> by_name;
    for (const auto& e : entries) by_name[e.name] = &e;
    auto companion = [&](const std::string& name) -> std::optional<SpoolEntry> {
        auto it = by_name.find(name);
        if (it == by_name.end()) return std::nullopt;
        return *it->second;
    };

    std::vector<Candidate> refused;
    std::vector<Candidate> complete;
    std::set<std::string> present;
    for (const auto& e : entries) {
        if (classifyName(e.name) != NameRole::Document || e.kind == EntryKind::Directory) continue;
        present.insert(e.name);
        Candidate c{e, companion(sidecarName(e.name)), companion(markerName(e.name)).has_value()};
        if (e.kind != EntryKind::Regular || e.size > settings_.max_file_bytes)
            refused.push_back(std::move(c));
        else if (isSettled(c, now))
            complete.push_back(std::move(c));
        else
            ++report.waiting;
    }
    // Whatever vanished (filed away by hand, deleted by the gateway) starts afresh if it
    // ever comes back.
    std::erase_if(seen_, [&](const auto& kv) { return !present.contains(kv.first); });
    std::erase_if(attempts_, [&](const auto& kv) { return !present.contains(kv.first); });

    for (const auto& c : refused) {
        SpoolEvent event;
        event.name = c.entry.name;
        if (c.entry.kind == EntryKind::Symlink)
            reject(c, "symlink_refused", "シンボリックリンクは取り込めません", now, event, report);
        else if (c.entry.kind != EntryKind::Regular)
            reject(c, "not_regular_file", "通常のファイルではないため取り込めません", now, event,
                   report);
        else
            reject(c, "too_large", tooLargeReason(settings_.max_file_bytes), now, event, report);
    }

    std::sort(complete.begin(), complete.end(), [](const Candidate& a, const Candidate& b) {
        return std::tie(a.entry.mtime, a.entry.name) < std::tie(b.entry.mtime, b.entry.name);
    });
    const auto limit = static_cast<size_t>(settings_.max_files_per_scan);
    if (complete.size() > limit) {
        report.waiting += static_cast<int>(complete.size() - limit);
        complete.resize(limit);
    }
    for (const auto& c : complete) handOver(c, now, report);
    return report;
}

bool SpoolScanner::isSettled(const Candidate& c, TimePoint now) {
    if (c.has_marker) return true;
    Fingerprint fp{c.entry.size, c.entry.mtime, std::nullopt};
    if (c.sidecar) fp.sidecar = std::make_pair(c.sidecar->size, c.sidecar->mtime);
    auto [it, inserted] = seen_.try_emplace(c.entry.name, Observation{fp, now});
    if (!inserted && !(it->second.fingerprint == fp)) it->second = Observation{fp, now};
    // An empty file is what a gateway creates before the first page arrives: it is only
    // ever taken with a ready marker.
    if (c.entry.size == 0) return false;
    if (settings_.settle_time.count() == 0) return true;
    return !inserted && now - it->second.since >= settings_.settle_time;
}

void SpoolScanner::handOver(const Candidate& c, TimePoint now, ScanReport& report) {
    const std::string& name = c.entry.name;
    SpoolEvent event;
    event.name = name;

    SpoolFile file;
    file.name = name;
    file.received_at = c.entry.mtime;
    if (c.sidecar) {
        if (c.sidecar->kind != EntryKind::Regular) {
            event.warnings.emplace_back("sidecar_not_regular_file");
        } else {
            try {
                if (auto text = fs_.read(pathOf(c.sidecar->name), kMaxSidecarBytes)) {
                    Sidecar meta = parseSidecar(*text);
                    file.sender_fax = meta.sender_fax;
                    if (meta.received_at) {
                        file.received_at = *meta.received_at;
                        file.received_at_source = ReceivedAtSource::Sidecar;
                    }
                    event.warnings = std::move(meta.warnings);
                }
            } catch (const Error& e) {
                event.warnings.push_back(e.code() == "too_large" ? "sidecar_too_large"
                                                                 : "sidecar_unreadable");
            }
        }
    }

    try {
        auto bytes = fs_.read(pathOf(name), settings_.max_file_bytes);
        if (!bytes) {  // gone between listing and reading
            forget(name);
            return;
        }
        file.bytes = std::move(*bytes);
    } catch (const Error& e) {
        if (e.code() == "too_large") {
            reject(c, "too_large", tooLargeReason(settings_.max_file_bytes), now, event, report);
        } else if (e.code() == "not_regular_file") {
            reject(c, "not_regular_file", "通常のファイルではないため取り込めません", now, event,
                   report);
        } else {
            event.action = SpoolAction::Failed;
            event.code = e.code();
            report.events.push_back(std::move(event));
        }
        return;
    }

    // The read must have seen exactly what settled: a writer that came back (or a marker
    // written too early) shows up as a different size or mtime.
    const auto after = fs_.stat(pathOf(name));
    if (!after || after->kind != EntryKind::Regular || after->size != c.entry.size ||
        after->mtime != c.entry.mtime || file.bytes.size() != c.entry.size) {
        seen_.erase(name);
        ++report.waiting;
        return;
    }

    file.sha256 = crypto::sha256Hex(file.bytes);
    file.attempt = attempts_[name] + 1;
    event.sha256 = file.sha256;
    event.attempt = file.attempt;

    SpoolOutcome outcome;
    try {
        outcome = sink_(file);
    } catch (const Error& e) {
        outcome.kind = SpoolOutcome::Kind::RetryLater;
        outcome.code = e.code();
    } catch (const std::exception&) {
        outcome.kind = SpoolOutcome::Kind::RetryLater;
        outcome.code = "sink_failed";
    }

    switch (outcome.kind) {
        case SpoolOutcome::Kind::Accepted:
            event.prescription_id = outcome.prescription_id;
            try {
                event.filed_as = fileAway(c, kDoneDir, std::nullopt);
                event.action = SpoolAction::Accepted;
                forget(name);
            } catch (const Error& e) {
                // Stays in place; the next scan hands it over again and the sink, idempotent
                // on sha256, answers with the same prescription.
                event.action = SpoolAction::Failed;
                event.code = e.code();
            }
            report.events.push_back(std::move(event));
            return;
        case SpoolOutcome::Kind::Rejected:
            reject(c, outcome.code, outcome.reason, now, std::move(event), report);
            return;
        case SpoolOutcome::Kind::RetryLater:
            attempts_[name] = file.attempt;
            if (file.attempt >= settings_.max_attempts) {
                reject(c, "too_many_attempts",
                       "取り込みを" + std::to_string(file.attempt) +
                           "回試みましたが完了できませんでした（最後の理由: " + outcome.code + "）",
                       now, std::move(event), report);
                return;
            }
            event.action = SpoolAction::Deferred;
            event.code = outcome.code;
            report.events.push_back(std::move(event));
            return;
    }
}

void SpoolScanner::reject(const Candidate& c, const std::string& code, const std::string& reason,
                          TimePoint now, SpoolEvent event, ScanReport& report) {
    event.code = code;
    try {
        event.filed_as = fileAway(c, kRejectedDir, reasonFileText(c.entry.name, code, reason, now));
        event.action = SpoolAction::Rejected;
        forget(c.entry.name);
    } catch (const Error& e) {
        event.action = SpoolAction::Failed;
        event.code = e.code();
    }
    report.events.push_back(std::move(event));
}

std::string SpoolScanner::fileAway(const Candidate& c, const char* subdir,
                                   const std::optional<std::string>& reason_text) {
    const std::string& name = c.entry.name;
    std::string target;
    for (int n = 0;; ++n) {
        if (n > kMaxCollisionSuffix)
            throw Error(ErrorKind::Storage, "name_collision",
                        "no free name left in the spool's target directory");
        target = collisionName(name, n);
        if (!fs_.stat(pathIn(subdir, target)) && !fs_.stat(pathIn(subdir, sidecarName(target))) &&
            !fs_.stat(pathIn(subdir, reasonName(target))))
            break;
    }
    auto mustMove = [&](const std::string& from, const std::string& to) {
        // Only another process writing into done/ or rejected/ can take the name between
        // the check and the move; the next scan then picks a fresh one.
        if (!fs_.moveNoReplace(from, to))
            throw Error(ErrorKind::Conflict, "name_collision", "target name taken during the move");
    };
    if (c.has_marker) fs_.remove(pathOf(markerName(name)));
    if (c.sidecar) mustMove(pathOf(c.sidecar->name), pathIn(subdir, sidecarName(target)));
    if (reason_text) fs_.writeAtomically(pathIn(subdir, reasonName(target)), *reason_text);
    mustMove(pathOf(name), pathIn(subdir, target));
    return target;
}

}  // namespace rxdesk::spool
