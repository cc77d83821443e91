#pragma once

#include <functional>
#include <span>
#include <string>
#include <string_view>

#include "audit/AuditLog.h"
#include "audit/AuditRepository.h"
#include "auth/Principal.h"
#include "checks/DrugClassifier.h"
#include "core/Clock.h"
#include "core/Transactor.h"
#include "originals/OriginalsService.h"
#include "reporting/ReportQueries.h"
#include "reporting/ReportRequest.h"
#include "reports/model/Report.h"

namespace rxdesk::reporting {

/// The names of the reports ReportService knows, in menu order.
std::span<const std::string_view> reportNames();

/// Turns a report name, a period and parameters into a printable report model (rendered as
/// PDF or CSV by the caller). Reports:
/// - "outstanding-originals" 原本未着一覧: awaited originals by clinic with age and due /
///   overdue state (OriginalsService::outstanding); from/to optional, narrowing by the day
///   the prescription was received;
/// - "route-sheet" 配送一覧: the parcels of `date`: the pharmacy's own delivery round in
///   order with handling marks and an empty 受領サイン column, then carrier pickups, then
///   counter pickups;
/// - "guidance-records" 服薬指導記録: one section per session started in from..to with every
///   field of the record;
/// - "fees" 算定集計: the sessions of `month` by fee (45 / 59 / home 59 / not claimed), with
///   counts and points per kind and in total;
/// - "controlled-handovers" 麻薬・向精神薬 交付記録: every hand-over in from..to of a parcel
///   holding a narcotic or psychotropic (classes from the drug master via `classifier`);
/// - "audit-extract" 監査抽出: who accessed the data of `patient_ref` (or of the patient of
///   `prescription_id`) in from..to.
/// A report with no data is returned empty (renderers print 「該当なし」). Each generation is
/// audited as one "report.generate" entry (report name, period, format, row and patient
/// counts; no patient data) and, in the same write transaction, the references of the
/// patients whose data it shows are recorded beside that entry (ReportQueries::
/// recordDisclosures), so that the audit extract of each of them lists the generation.
/// Errors: Error(NotFound, "report_not_found") for an unknown name; Error(BadRequest,
/// "period_required" | "period_invalid" | "date_required" | "month_required" |
/// "patient_required", field) for missing or inconsistent parameters; Error(NotFound,
/// "prescription_not_found") for an unknown prescription_id.
class ReportService {
public:
    ReportService(Transactor& tx, ReportQueries& queries, audit::AuditRepository& audit_entries,
                  originals::OriginalsService& originals, const checks::DrugClassifier& classifier,
                  audit::AuditLog& audit, const Clock& clock)
        : tx_(tx),
          queries_(queries),
          audit_entries_(audit_entries),
          originals_(originals),
          classifier_(classifier),
          audit_(audit),
          clock_(clock) {}

    /// Turns the model into what is handed out (PDF or CSV bytes).
    using Render = std::function<std::string(const reports::Report&)>;

    /// The report model, audited as generated before it is returned.
    reports::Report generate(const ReportRequest& request, const auth::Caller& caller);

    /// The report rendered by `render`, audited only once `render` has returned: a report that
    /// cannot be rendered (e.g. Error(RuleViolation, "csv_not_shift_jis")) disclosed nothing and
    /// is not recorded as generated. Exceptions from `render` propagate.
    std::string generate(const ReportRequest& request, const auth::Caller& caller,
                         const Render& render);

private:
    struct Built;
    Built build(const ReportRequest& request, const auth::Caller& caller);
    void recordGeneration(const ReportRequest& request, const auth::Caller& caller,
                          const Built& built);
    Built outstandingOriginals(const ReportRequest& request, const auth::Caller& caller);
    Built routeSheet(const ReportRequest& request);
    Built guidanceRecords(const ReportRequest& request);
    Built fees(const ReportRequest& request);
    Built controlledHandovers(const ReportRequest& request);
    Built auditExtract(const ReportRequest& request);

    Transactor& tx_;
    ReportQueries& queries_;
    audit::AuditRepository& audit_entries_;
    originals::OriginalsService& originals_;
    const checks::DrugClassifier& classifier_;
    audit::AuditLog& audit_;
    const Clock& clock_;
};

}  // namespace rxdesk::reporting
