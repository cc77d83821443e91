#include "http/routes/PrescriptionViews.h"

#include <Poco/JSON/Array.h>

#include "core/TokyoTime.h"
#include "intake/IntakeService.h"
#include "prescription_json/PrescriptionJson.h"
#include "workflow/PrescriptionState.h"
#include "workflow/WorkflowAction.h"

namespace rxdesk::http {
namespace {

std::string statusLabel(const std::string& status) {
    auto state = workflow::parsePrescriptionState(status);
    return state ? std::string(workflow::label(*state)) : status;
}

std::string maxSeverity(const intake::PrescriptionRecord& r) {
    int worst = -1;
    for (const auto& f : r.findings)
        if (!f.resolved_at) worst = std::max(worst, int(f.finding.severity));
    if (worst < 0) return "none";
    return std::string(prescription::toString(prescription::Severity(worst)));
}

}  // namespace

Poco::JSON::Object prescriptionView(const intake::PrescriptionRecord& r, bool with_content,
                                    const auth::Principal* viewer) {
    Poco::JSON::Object o(Poco::JSON_PRESERVE_KEY_ORDER);
    o.set("id", r.id);
    o.set("version", r.version);
    o.set("channel", std::string(prescription::name(r.channel)));
    o.set("channel_label", std::string(prescription::label(r.channel)));
    o.set("status", r.status);
    o.set("status_label", statusLabel(r.status));
    if (r.original_state) o.set("original_state", *r.original_state);
    o.set("received_at", formatIso8601(fromUnixSeconds(r.received_at)));
    o.set("patient_name", r.patient_name);
    o.set("institution_code", r.institution_code);
    o.set("issue_date", r.issue_date);
    o.set("prescription_number", r.prescription_number);
    if (r.content) o.set("institution_name", r.content->institution.name);
    if (!r.sender_fax.empty()) o.set("sender_fax", r.sender_fax);
    if (r.clinic_id) o.set("clinic_id", *r.clinic_id);
    if (r.duplicate_of) o.set("duplicate_of", *r.duplicate_of);
    o.set("misdirected", r.misdirected_at.has_value());
    if (!r.dispensed_on.empty()) o.set("dispensed_on", r.dispensed_on);
    o.set("needs_entry", !r.content.has_value());
    if (r.channel == prescription::Channel::Eprescription)
        o.set("dispensing_result_registered", !r.dispensing_result_id.empty());
    o.set("max_severity", maxSeverity(r));
    Poco::JSON::Array findings;
    for (const auto& f : r.findings) {
        Poco::JSON::Object fo(Poco::JSON_PRESERVE_KEY_ORDER);
        fo.set("id", f.id);
        fo.set("code", f.finding.code);
        fo.set("severity", std::string(prescription::toString(f.finding.severity)));
        fo.set("message", f.finding.message);
        fo.set("evidence", f.finding.evidence);
        fo.set("resolved", f.resolved_at.has_value());
        if (f.resolved_at) fo.set("resolution", f.resolution);
        findings.add(fo);
    }
    o.set("findings", findings);
    Poco::JSON::Array pages;
    for (const auto& p : r.pages) {
        Poco::JSON::Object po(Poco::JSON_PRESERVE_KEY_ORDER);
        std::string base = "/api/v1/prescriptions/" + std::to_string(r.id) + "/pages/" + p.kind +
                           "/" + std::to_string(p.page_no);
        po.set("kind", p.kind);
        po.set("page_no", p.page_no);
        po.set("image_url", base);
        po.set("preview_url", base + "/preview");
        pages.add(po);
    }
    o.set("pages", pages);
    if (viewer) {
        Poco::JSON::Array actions;
        for (auto action : intake::availableActions(r, *viewer)) {
            Poco::JSON::Object ao(Poco::JSON_PRESERVE_KEY_ORDER);
            ao.set("action", std::string(workflow::name(action)));
            ao.set("label", std::string(workflow::label(action)));
            actions.add(ao);
        }
        o.set("available_actions", actions);
    }
    if (with_content && r.content)
        o.set("prescription", prescription_json::encodePrescription(*r.content));
    return o;
}

Poco::JSON::Object submitterView(const intake::PrescriptionRecord& r) {
    Poco::JSON::Object o(Poco::JSON_PRESERVE_KEY_ORDER);
    o.set("id", r.id);
    o.set("status", r.status);
    o.set("status_label", statusLabel(r.status));
    if (r.original_state) o.set("original_state", *r.original_state);
    if (!r.client_reference.empty()) o.set("client_reference", r.client_reference);
    o.set("received_at", formatIso8601(fromUnixSeconds(r.received_at)));
    o.set("qr_read", r.content.has_value());
    return o;
}

}  // namespace rxdesk::http
