#include "originals/RetentionService.h"

#include <algorithm>
#include <functional>

namespace rxdesk::originals {
namespace {

// Small batches keep each write transaction short, so the counter is never blocked long.
constexpr int kBatchSize = 200;

}  // namespace

RetentionService::RetentionService(Transactor& tx, RetentionRepository& repository,
                                   BlobStore& blobs, audit::AuditLog& audit, const Clock& clock,
                                   RetentionPolicy policy)
    : tx_(tx),
      repository_(repository),
      blobs_(blobs),
      audit_(audit),
      clock_(clock),
      policy_(policy) {
    policy_.validate();
}

RetentionReport RetentionService::run(const auth::Caller& caller) {
    RetentionReport report;
    report.kept_from = policy_.keepCompletedFrom(tokyoDate(clock_.now()));
    const std::int64_t cutoff = unixSeconds(tokyoTime(report.kept_from));
    auto& total = report.removed;
    // One batch: find, delete rows, collect the released blobs no remaining row names (the
    // same image may belong to a younger prescription too, e.g. a resent fax); the blobs go
    // after the transaction commits.
    auto sweep = [&](const std::function<std::vector<std::int64_t>()>& find,
                     const std::function<RetentionCounts(const std::vector<std::int64_t>&)>& remove,
                     std::int64_t& removed) {
        for (;;) {
            std::vector<std::string> deletable;
            bool more = false;
            tx_.write([&] {
                auto ids = find();
                more = int(ids.size()) == kBatchSize;
                if (ids.empty()) return;
                RetentionCounts batch = remove(ids);
                removed += std::int64_t(ids.size());
                total.prescriptions += batch.prescriptions;
                for (const auto& [table, n] : batch.rows_by_table) total.rows_by_table[table] += n;
                std::sort(batch.released_blobs.begin(), batch.released_blobs.end());
                batch.released_blobs.erase(
                    std::unique(batch.released_blobs.begin(), batch.released_blobs.end()),
                    batch.released_blobs.end());
                for (const auto& id : batch.released_blobs)
                    if (!id.empty() && !repository_.blobReferenced(id)) deletable.push_back(id);
            });
            for (const auto& id : deletable)
                if (blobs_.contains(id)) {
                    blobs_.remove(id);
                    ++report.blobs_removed;
                }
            if (!more) break;
        }
    };
    std::int64_t prescriptions = 0;
    sweep([&] { return repository_.expiredPrescriptions(cutoff, kBatchSize); },
          [&](const auto& ids) { return repository_.deletePrescriptions(ids); }, prescriptions);
    sweep([&] { return repository_.expiredOrphans(cutoff, kBatchSize); },
          [&](const auto& ids) { return repository_.deleteOrphans(ids); }, report.orphans_removed);
    const std::int64_t keys_before =
        unixSeconds(clock_.now()) - std::int64_t(policy_.idempotency_hours) * 3600;
    tx_.write(
        [&] { report.idempotency_keys_removed = repository_.deleteIdempotencyKeys(keys_before); });
    tx_.read([&] { report.kept_referenced = repository_.expiredButReferenced(cutoff); });
    std::string detail = "kept_from=" + formatDate(report.kept_from) +
                         " prescriptions=" + std::to_string(total.prescriptions) +
                         " blobs=" + std::to_string(report.blobs_removed) +
                         " kept_referenced=" + std::to_string(report.kept_referenced) +
                         " orphans=" + std::to_string(report.orphans_removed) +
                         " idempotency_keys=" + std::to_string(report.idempotency_keys_removed) +
                         " rows:";
    for (const auto& [table, n] : total.rows_by_table)
        detail += " " + table + "=" + std::to_string(n);
    audit_.record(audit::AuditEvent{caller.principal.actor(), "retention.run", "retention", "",
                                    std::nullopt, caller.remote_addr, "ok", detail});
    total.released_blobs.clear();
    return report;
}

}  // namespace rxdesk::originals
