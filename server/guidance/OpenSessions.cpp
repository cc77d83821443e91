#include "guidance/OpenSessions.h"

#include <map>

namespace rxdesk::guidance {

std::optional<Finding> checkCanOpenSession(const std::vector<OpenSession>& open,
                                           std::string_view pharmacist_id,
                                           std::string_view patient_id,
                                           std::string_view session_id) {
    for (const auto& s : open) {
        if (s.session_id == session_id) continue;
        if (s.pharmacist_id == pharmacist_id)
            return Finding{
                Severity::Error, "pharmacist_session_already_open",
                "この薬剤師は別のオンライン服薬指導を実施中です。終了してから開始してください。",
                "pharmacist_id"};
    }
    for (const auto& s : open) {
        if (s.session_id == session_id) continue;
        if (!patient_id.empty() && s.patient_id == patient_id)
            return Finding{Severity::Error, "patient_session_already_open",
                           "この患者は別のオンライン服薬指導を実施中です。", "patient_id"};
    }
    return std::nullopt;
}

std::vector<Finding> findConcurrentSessions(const std::vector<OpenSession>& open) {
    std::vector<std::string> pharmacist_order, patient_order;
    std::map<std::string, int> per_pharmacist, per_patient;
    for (const auto& s : open) {
        if (per_pharmacist[s.pharmacist_id]++ == 1) pharmacist_order.push_back(s.pharmacist_id);
        if (!s.patient_id.empty() && per_patient[s.patient_id]++ == 1)
            patient_order.push_back(s.patient_id);
    }
    std::vector<Finding> findings;
    // The identifiers go in `field` (as a path) so staff can find the sessions; they are
    // internal ids, not names.
    for (const auto& id : pharmacist_order)
        findings.push_back(Finding{Severity::Error, "pharmacist_sessions_concurrent",
                                   "同じ薬剤師のオンライン服薬指導が同時に複数開いています。",
                                   "pharmacist_id:" + id});
    for (const auto& id : patient_order)
        findings.push_back(Finding{Severity::Error, "patient_sessions_concurrent",
                                   "同じ患者のオンライン服薬指導が同時に複数開いています。",
                                   "patient_id:" + id});
    return findings;
}

}  // namespace rxdesk::guidance
