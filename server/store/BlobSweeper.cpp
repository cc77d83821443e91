#include "store/BlobSweeper.h"

#include <SQLiteCpp/Statement.h>

#include <map>
#include <unordered_set>

#include "core/TokyoTime.h"

namespace rxdesk::store {

BlobSweeper::BlobSweeper(Database& db, FileBlobStore& blobs, SqliteRetentionRepository& references,
                         audit::AuditLog& audit, const Clock& clock, std::chrono::seconds min_age)
    : db_(db),
      blobs_(blobs),
      references_(references),
      audit_(audit),
      clock_(clock),
      min_age_(min_age) {}

SweepReport BlobSweeper::run() {
    SweepReport report;
    // Puts since the previous sweep: such a blob may be named by a row about to commit.
    const FileBlobStore::Puts recent = blobs_.takePuts();
    const std::vector<std::string> listed = blobs_.list();
    const std::unordered_set<std::string> present(listed.begin(), listed.end());
    const std::int64_t now = unixSeconds(clock_.now());
    db_.write([&] {
        auto& c = db_.connection();
        const auto referenced = references_.referencedBlobs();
        std::map<std::string, std::int64_t> seen;
        {
            SQLite::Statement q(c, "SELECT file_id, first_seen_at FROM unreferenced_files");
            while (q.executeStep()) seen[q.getColumn(0).getString()] = q.getColumn(1).getInt64();
        }
        SQLite::Statement forget(c, "DELETE FROM unreferenced_files WHERE file_id = ?");
        auto drop = [&](const std::string& id) {
            forget.reset();
            forget.bind(1, id);
            forget.exec();
        };
        std::vector<std::string> due;
        for (const auto& [id, since] : seen) {
            // Named again, gone, or put again: no longer a candidate (a re-put starts over).
            if (referenced.count(id) || !present.count(id) || recent.ids.count(id)) {
                drop(id);
                continue;
            }
            if (now - since >= min_age_.count()) due.push_back(id);
        }
        SQLite::Statement remember(
            c, "INSERT OR IGNORE INTO unreferenced_files (file_id, first_seen_at) VALUES (?, ?)");
        for (const auto& id : listed) {
            if (referenced.count(id) || seen.count(id)) continue;
            remember.reset();
            remember.bind(1, id);
            remember.bind(2, now);
            remember.exec();
        }
        // Puts before bookkeeping began are unknown: remove nothing this time.
        if (!recent.overflowed && !due.empty()) {
            for (const auto& id : blobs_.removeUnlessPutSince(due)) {
                drop(id);
                ++report.removed;
            }
        }
        report.pending = c.execAndGet("SELECT COUNT(*) FROM unreferenced_files").getInt64();
        if (report.removed > 0)
            audit_.record(audit::AuditEvent{"system", "blob.sweep", "blob", "", std::nullopt,
                                            "local", "ok",
                                            "removed=" + std::to_string(report.removed) +
                                                " pending=" + std::to_string(report.pending)});
    });
    return report;
}

}  // namespace rxdesk::store
