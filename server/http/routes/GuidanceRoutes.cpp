#include "http/routes/GuidanceRoutes.h"

#include <Poco/JSON/Array.h>
#include <Poco/NumberParser.h>

#include "core/Error.h"
#include "core/TokyoTime.h"
#include "http/RequestContext.h"

namespace rxdesk::http {
namespace {

using guidance::MinuteInterval;
using guidance::PharmacistSchedule;
using scheduling::GuidanceService;

constexpr const char* kWeekdays[7] = {"sun", "mon", "tue", "wed", "thu", "fri", "sat"};

Error invalid(const std::string& field, const std::string& why) {
    return Error(ErrorKind::BadRequest, "invalid_field", field + " が不正です: " + why, field);
}

std::int64_t appointmentId(const RequestContext& ctx) {
    std::int64_t id = 0;
    if (!Poco::NumberParser::tryParse64(ctx.param("id"), id) || id <= 0)
        throw Error(ErrorKind::NotFound, "appointment_not_found", "予約が見つかりません");
    return id;
}

std::int64_t prescriptionId(const RequestContext& ctx) {
    std::int64_t id = 0;
    if (!Poco::NumberParser::tryParse64(ctx.param("id"), id) || id <= 0)
        throw Error(ErrorKind::NotFound, "prescription_not_found", "処方箋が見つかりません");
    return id;
}

std::string requireQuery(const RequestContext& ctx, const std::string& name) {
    auto v = ctx.query(name);
    if (!v || v->empty())
        throw Error(ErrorKind::BadRequest, "missing_field", "必須項目がありません: " + name, name);
    return *v;
}

Date dateQuery(const RequestContext& ctx, const std::string& name) {
    auto d = parseDate(requireQuery(ctx, name));
    if (!d) throw invalid(name, "YYYY-MM-DD で指定してください");
    return *d;
}

TimePoint instant(const std::string& text, const std::string& field) {
    auto t = parseIso8601(text);
    if (!t) throw invalid(field, "ISO 8601（例 2026-11-24T14:30:00+09:00）で指定してください");
    return *t;
}

// "HH:MM" → minutes after midnight; "24:00" ends a day.
int minuteOf(const Poco::Dynamic::Var& v, const std::string& field) {
    if (!v.isString()) throw invalid(field, "\"HH:MM\" で指定してください");
    const auto s = v.extract<std::string>();
    int h = 0, m = 0;
    if (s.size() != 5 || s[2] != ':' || !Poco::NumberParser::tryParse(s.substr(0, 2), h) ||
        !Poco::NumberParser::tryParse(s.substr(3, 2), m) || h < 0 || h > 24 || m < 0 || m > 59 ||
        (h == 24 && m != 0))
        throw invalid(field, "\"HH:MM\" で指定してください");
    return h * 60 + m;
}

std::string hhmm(int minutes) {
    char buffer[16];  // room for any int, so the compiler can prove nothing is cut off
    std::snprintf(buffer, sizeof buffer, "%02d:%02d", minutes / 60, minutes % 60);
    return buffer;
}

std::vector<MinuteInterval> intervals(const Poco::JSON::Array::Ptr& array,
                                      const std::string& field) {
    std::vector<MinuteInterval> out;
    if (!array) return out;
    if (array->size() > 48) throw invalid(field, "多すぎます");
    for (std::size_t i = 0; i < array->size(); ++i) {
        const std::string f = field + "[" + std::to_string(i) + "]";
        auto o = array->getObject(i);
        if (!o) throw invalid(f, "{\"begin\",\"end\"} で指定してください");
        out.push_back(
            {minuteOf(o->get("begin"), f + ".begin"), minuteOf(o->get("end"), f + ".end")});
    }
    return out;
}

Poco::JSON::Array intervalsJson(const std::vector<MinuteInterval>& list) {
    Poco::JSON::Array out;
    for (const auto& i : list) {
        Poco::JSON::Object o(Poco::JSON_PRESERVE_KEY_ORDER);
        o.set("begin", hhmm(i.begin));
        o.set("end", hhmm(i.end));
        out.add(o);
    }
    return out;
}

PharmacistSchedule scheduleFrom(const JsonBody& body) {
    PharmacistSchedule s;
    s.slot_length = std::chrono::minutes(body.optionalInt("slot_minutes", 1, 240).value_or(10));
    s.buffer = std::chrono::minutes(body.optionalInt("buffer_minutes", 0, 240).value_or(0));
    s.booking_cutoff =
        std::chrono::minutes(body.optionalInt("cutoff_minutes", 0, 7 * 24 * 60).value_or(30));
    if (auto weekly = body.object()->getObject("weekly")) {
        for (const auto& key : weekly->getNames()) {
            auto it = std::find(std::begin(kWeekdays), std::end(kWeekdays), key);
            if (it == std::end(kWeekdays)) throw invalid("weekly." + key, "曜日は sun〜sat です");
            const int day = int(it - std::begin(kWeekdays));
            auto o = weekly->getObject(key);
            if (!o) throw invalid("weekly." + key, "{\"hours\",\"breaks\"} で指定してください");
            s.weekly_hours[day] = intervals(o->getArray("hours"), "weekly." + key + ".hours");
            s.weekly_breaks[day] = intervals(o->getArray("breaks"), "weekly." + key + ".breaks");
        }
    }
    if (auto exceptions = body.object()->getArray("exceptions")) {
        if (exceptions->size() > 1000) throw invalid("exceptions", "多すぎます");
        for (std::size_t i = 0; i < exceptions->size(); ++i) {
            const std::string f = "exceptions[" + std::to_string(i) + "]";
            auto o = exceptions->getObject(i);
            if (!o) throw invalid(f, "オブジェクトで指定してください");
            guidance::ScheduleException e;
            auto date = parseDate(o->optValue<std::string>("date", ""));
            if (!date) throw invalid(f + ".date", "YYYY-MM-DD で指定してください");
            e.date = *date;
            const auto kind = o->optValue<std::string>("kind", "");
            if (kind == "day_off")
                e.kind = guidance::ExceptionKind::DayOff;
            else if (kind == "break")
                e.kind = guidance::ExceptionKind::Break;
            else if (kind == "extra_hours")
                e.kind = guidance::ExceptionKind::ExtraHours;
            else
                throw invalid(f + ".kind", "day_off, break, extra_hours のいずれかです");
            if (e.kind != guidance::ExceptionKind::DayOff)
                e.interval = {minuteOf(o->get("begin"), f + ".begin"),
                              minuteOf(o->get("end"), f + ".end")};
            s.exceptions.push_back(e);
        }
    }
    return s;
}

Poco::JSON::Object scheduleJson(const PharmacistSchedule& s) {
    Poco::JSON::Object o(Poco::JSON_PRESERVE_KEY_ORDER);
    o.set("pharmacist_id", s.pharmacist_id);
    o.set("slot_minutes", int(s.slot_length.count()));
    o.set("buffer_minutes", int(s.buffer.count()));
    o.set("cutoff_minutes", int(s.booking_cutoff.count()));
    Poco::JSON::Object weekly(Poco::JSON_PRESERVE_KEY_ORDER);
    for (int day = 0; day < 7; ++day) {
        if (s.weekly_hours[day].empty() && s.weekly_breaks[day].empty()) continue;
        Poco::JSON::Object d(Poco::JSON_PRESERVE_KEY_ORDER);
        d.set("hours", intervalsJson(s.weekly_hours[day]));
        d.set("breaks", intervalsJson(s.weekly_breaks[day]));
        weekly.set(kWeekdays[day], d);
    }
    o.set("weekly", weekly);
    Poco::JSON::Array exceptions;
    for (const auto& e : s.exceptions) {
        Poco::JSON::Object x(Poco::JSON_PRESERVE_KEY_ORDER);
        x.set("date", formatDate(e.date));
        x.set("kind", e.kind == guidance::ExceptionKind::DayOff  ? "day_off"
                      : e.kind == guidance::ExceptionKind::Break ? "break"
                                                                 : "extra_hours");
        if (e.kind != guidance::ExceptionKind::DayOff) {
            x.set("begin", hhmm(e.interval.begin));
            x.set("end", hhmm(e.interval.end));
        }
        exceptions.add(x);
    }
    o.set("exceptions", exceptions);
    return o;
}

Poco::JSON::Object pharmacistJson(const scheduling::PharmacistRef& p) {
    Poco::JSON::Object o(Poco::JSON_PRESERVE_KEY_ORDER);
    o.set("id", p.id);
    o.set("login", p.login);
    o.set("display_name", p.display_name);
    return o;
}

// `with_contact`: the patient's contact address only in the single-appointment view.
Poco::JSON::Object appointmentJson(const scheduling::AppointmentView& v, bool with_contact) {
    const auto& a = v.appointment;
    Poco::JSON::Object o(Poco::JSON_PRESERVE_KEY_ORDER);
    o.set("id", a.id);
    o.set("prescription_id", a.prescription_id);
    o.set("pharmacist", pharmacistJson(v.pharmacist));
    o.set("start", formatTokyo(a.start));
    o.set("end", formatTokyo(a.end));
    o.set("status", std::string(scheduling::statusCode(a.status)));
    o.set("sequence", a.sequence);
    o.set("patient_initials", a.patient_initials);
    if (a.contact) {
        Poco::JSON::Object c(Poco::JSON_PRESERVE_KEY_ORDER);
        c.set("channel", std::string(notify::channelCode(a.contact->channel)));
        if (with_contact) c.set("address", a.contact->address);
        o.set("contact", c);
    } else {
        o.set("contact", Poco::Dynamic::Var());
    }
    if (!a.change_reason.empty()) o.set("change_reason", a.change_reason);
    if (!a.cancel_reason.empty()) o.set("cancel_reason", a.cancel_reason);
    o.set("session_started_at", a.session_started_at
                                    ? Poco::Dynamic::Var(formatTokyo(*a.session_started_at))
                                    : Poco::Dynamic::Var());
    o.set("recorded", v.recorded);
    return o;
}

std::optional<scheduling::PatientContact> contactFrom(const JsonBody& body) {
    auto c = body.object()->getObject("contact");
    if (!c) return std::nullopt;
    JsonBody contact(c);
    const auto channel = notify::parseChannel(contact.requireString("channel", 20));
    if (!channel) throw invalid("contact.channel", "sms, email, webhook のいずれかです");
    scheduling::PatientContact out{*channel, contact.requireString("address", 254)};
    return out;
}

Poco::JSON::Array findingsJson(const std::vector<guidance::Finding>& findings) {
    Poco::JSON::Array out;
    for (const auto& f : findings) {
        Poco::JSON::Object o(Poco::JSON_PRESERVE_KEY_ORDER);
        o.set("severity", f.severity == guidance::Severity::Error ? "error" : "warning");
        o.set("code", f.code);
        o.set("message", f.message_ja);
        if (!f.field.empty()) o.set("field", f.field);
        out.add(o);
    }
    return out;
}

bool flag(const JsonBody& body, const std::string& field) {
    return body.optionalBool(field).value_or(false);
}

scheduling::RecordInput recordFrom(const JsonBody& body) {
    scheduling::RecordInput in;
    auto& r = in.record;
    if (auto s = body.optionalString("started_at", 40)) r.started_at = instant(*s, "started_at");
    if (auto s = body.optionalString("ended_at", 40)) r.ended_at = instant(*s, "ended_at");
    const auto mode = guidance::parseMode(body.optionalString("mode", 20).value_or("video"));
    if (!mode) throw invalid("mode", "video か audio_only です");
    r.mode = *mode;
    r.video_and_audio_confirmed = flag(body, "video_and_audio_confirmed");
    r.first_session = flag(body, "first_session");
    const auto document = guidance::parseIdentityDocument(
        body.optionalString("identity_document", 40).value_or("none"));
    if (!document)
        throw invalid("identity_document",
                      "none, my_number_card, drivers_license, passport, other のいずれかです");
    r.identity_document = *document;
    r.identity_document_other = body.optionalString("identity_document_other", 200).value_or("");
    r.pharmacist_identity_shown = flag(body, "pharmacist_identity_shown");
    r.others_present = flag(body, "others_present");
    r.others_description = body.optionalString("others_description", 500).value_or("");
    r.others_consent = flag(body, "others_consent");
    r.security_risk_agreed = flag(body, "security_risk_agreed");
    r.private_space_confirmed = flag(body, "private_space_confirmed");
    r.recorded = flag(body, "recorded");
    r.recording_consent = flag(body, "recording_consent");
    if (auto topics = body.object()->getArray("explained_topics")) {
        for (std::size_t i = 0; i < topics->size() && i < 16; ++i) {
            const auto t = topics->get(i).isString()
                               ? guidance::parseTopic(topics->get(i).extract<std::string>())
                               : std::nullopt;
            if (!t)
                throw invalid("explained_topics[" + std::to_string(i) + "]",
                              "effects, side_effects, usage, storage のいずれかです");
            r.explained_topics.insert(*t);
        }
    }
    const auto outcome = guidance::parseOutcome(body.requireString("outcome", 40));
    if (!outcome)
        throw invalid("outcome", "completed, switched_to_face_to_face, stopped のいずれかです");
    r.outcome = *outcome;
    r.stop_reason = body.optionalString("stop_reason", 1000).value_or("");
    in.notebook_presented = flag(body, "notebook_presented");
    in.home_patient = flag(body, "home_patient");
    in.home_visit_same_day = flag(body, "home_visit_same_day");
    if (auto d = body.optionalString("previous_visit_date", 10)) {
        in.previous_visit_date = parseDate(*d);
        if (!in.previous_visit_date)
            throw invalid("previous_visit_date", "YYYY-MM-DD で指定してください");
    }
    return in;
}

Poco::JSON::Object feeJson(const guidance::Fee& fee) {
    Poco::JSON::Object o(Poco::JSON_PRESERVE_KEY_ORDER);
    o.set("kind", std::string(guidance::feeKindCode(fee.kind)));
    o.set("points", fee.points);
    o.set("basis", fee.basis);
    o.set("reason", fee.reason_ja);
    return o;
}

Poco::JSON::Object storedRecordJson(const scheduling::StoredRecord& s) {
    const auto& r = s.record;
    Poco::JSON::Object o(Poco::JSON_PRESERVE_KEY_ORDER);
    o.set("appointment_id", s.appointment_id);
    o.set("started_at",
          r.started_at ? Poco::Dynamic::Var(formatTokyo(*r.started_at)) : Poco::Dynamic::Var());
    o.set("ended_at",
          r.ended_at ? Poco::Dynamic::Var(formatTokyo(*r.ended_at)) : Poco::Dynamic::Var());
    o.set("mode", std::string(guidance::modeCode(r.mode)));
    o.set("video_and_audio_confirmed", r.video_and_audio_confirmed);
    o.set("first_session", r.first_session);
    o.set("identity_document", std::string(guidance::identityDocumentCode(r.identity_document)));
    o.set("pharmacist_identity_shown", r.pharmacist_identity_shown);
    o.set("others_present", r.others_present);
    o.set("others_consent", r.others_consent);
    o.set("security_risk_agreed", r.security_risk_agreed);
    o.set("private_space_confirmed", r.private_space_confirmed);
    o.set("recorded", r.recorded);
    o.set("recording_consent", r.recording_consent);
    Poco::JSON::Array topics;
    for (auto t : r.explained_topics) topics.add(std::string(guidance::topicCode(t)));
    o.set("explained_topics", topics);
    o.set("outcome", std::string(guidance::outcomeCode(r.outcome)));
    o.set("stop_reason", r.stop_reason);
    o.set("notebook_presented", s.history.notebook_presented);
    o.set("home_patient", s.history.home_patient);
    o.set("home_visit_same_day", s.history.home_visit_same_day);
    o.set("previous_visit_date",
          s.history.previous_prescription_date
              ? Poco::Dynamic::Var(formatDate(*s.history.previous_prescription_date))
              : Poco::Dynamic::Var());
    o.set("fee", feeJson(s.fee));
    o.set("recorded_at", formatTokyo(s.recorded_at));
    o.set("recorded_by", s.recorded_by);
    return o;
}

}  // namespace

void addGuidanceRoutes(Router& router, GuidanceService& g) {
    router.add({"GET", "/api/v1/guidance/pharmacists/{pharmacist}/schedule",
                auth::Permission::GuidanceScheduleRead, 0, false, false, [&g](RequestContext& ctx) {
                    ctx.respondJson(
                        200, scheduleJson(g.schedule(ctx.param("pharmacist"), ctx.caller())));
                }});
    router.add({"PUT", "/api/v1/guidance/pharmacists/{pharmacist}/schedule",
                auth::Permission::GuidanceScheduleManage, 64 * 1024, false, false,
                [&g](RequestContext& ctx) {
                    auto s = g.setSchedule(ctx.param("pharmacist"), scheduleFrom(ctx.json()),
                                           ctx.caller());
                    ctx.respondJson(200, scheduleJson(s));
                }});
    router.add({"POST", "/api/v1/guidance/pharmacists/{pharmacist}/calendar-feed",
                auth::Permission::GuidanceScheduleManage, 1024, false, false,
                [&g](RequestContext& ctx) {
                    auto feed = g.issueCalendarFeed(ctx.param("pharmacist"), ctx.caller());
                    Poco::JSON::Object o(Poco::JSON_PRESERVE_KEY_ORDER);
                    o.set("url", feed.url);
                    o.set("token", feed.token);
                    ctx.respondJson(201, o);
                }});
    // Calendar apps cannot sign in: the unguessable token in the path is the credential.
    router.add({"GET", "/api/v1/guidance/calendar/{feed}", auth::Permission::Public, 0, false,
                false, [&g](RequestContext& ctx) {
                    ctx.respond(200, "text/calendar; charset=utf-8",
                                g.calendarFeed(ctx.param("feed"), ctx.remoteAddr()));
                }});
    router.add({"GET", "/api/v1/guidance/slots", auth::Permission::GuidanceRead, 0, false, false,
                [&g](RequestContext& ctx) {
                    const auto pharmacist = requireQuery(ctx, "pharmacist");
                    const Date date = dateQuery(ctx, "date");
                    Poco::JSON::Array slots;
                    for (const auto& s : g.slots(pharmacist, date)) {
                        Poco::JSON::Object o(Poco::JSON_PRESERVE_KEY_ORDER);
                        o.set("start", formatTokyo(s.start));
                        o.set("end", formatTokyo(s.end));
                        o.set("available", s.available);
                        if (s.reason) {
                            o.set("reason", std::string(guidance::refusalCode(*s.reason)));
                            o.set("reason_message",
                                  std::string(guidance::refusalMessageJa(*s.reason)));
                        }
                        slots.add(o);
                    }
                    Poco::JSON::Object o(Poco::JSON_PRESERVE_KEY_ORDER);
                    o.set("date", formatDate(date));
                    o.set("slots", slots);
                    ctx.respondJson(200, o);
                }});
    router.add({"GET", "/api/v1/guidance/appointments", auth::Permission::GuidanceRead, 0, false,
                false, [&g](RequestContext& ctx) {
                    const auto pharmacist = requireQuery(ctx, "pharmacist");
                    const Date from = dateQuery(ctx, "from");
                    const Date to = ctx.query("to") ? dateQuery(ctx, "to") : from;
                    Poco::JSON::Array items;
                    for (const auto& v : g.list(pharmacist, from, to, ctx.caller()))
                        items.add(appointmentJson(v, false));
                    Poco::JSON::Object o;
                    o.set("appointments", items);
                    ctx.respondJson(200, o);
                }});
    router.add({"POST", "/api/v1/guidance/appointments", auth::Permission::GuidanceBook, 4096, true,
                false, [&g](RequestContext& ctx) {
                    JsonBody body = ctx.json();
                    scheduling::BookingRequest request;
                    request.prescription_id = body.requireInt("prescription_id", 1, INT64_MAX);
                    request.pharmacist = body.requireString("pharmacist", 100);
                    request.start = instant(body.requireString("start", 40), "start");
                    request.patient_initials =
                        body.optionalString("patient_initials", 20).value_or("");
                    request.contact = contactFrom(body);
                    ctx.respondJson(201, appointmentJson(g.book(request, ctx.caller()), true));
                }});
    router.add({"GET", "/api/v1/guidance/appointments/{id}", auth::Permission::GuidanceRead, 0,
                false, false, [&g](RequestContext& ctx) {
                    ctx.respondJson(200,
                                    appointmentJson(g.get(appointmentId(ctx), ctx.caller()), true));
                }});
    router.add({"POST", "/api/v1/guidance/appointments/{id}/reschedule",
                auth::Permission::GuidanceBook, 4096, false, false, [&g](RequestContext& ctx) {
                    JsonBody body = ctx.json();
                    auto v = g.reschedule(appointmentId(ctx),
                                          instant(body.requireString("start", 40), "start"),
                                          body.requireString("reason", 1000), ctx.caller());
                    ctx.respondJson(200, appointmentJson(v, true));
                }});
    router.add({"POST", "/api/v1/guidance/appointments/{id}/cancel", auth::Permission::GuidanceBook,
                4096, false, false, [&g](RequestContext& ctx) {
                    JsonBody body = ctx.json();
                    auto v = g.cancel(appointmentId(ctx), body.requireString("reason", 1000),
                                      ctx.caller());
                    ctx.respondJson(200, appointmentJson(v, true));
                }});
    router.add({"GET", "/api/v1/guidance/appointments/{id}/join", auth::Permission::GuidanceConduct,
                0, false, false, [&g](RequestContext& ctx) {
                    auto link = g.pharmacistJoinLink(appointmentId(ctx), ctx.caller());
                    Poco::JSON::Object o(Poco::JSON_PRESERVE_KEY_ORDER);
                    o.set("url", link.url);
                    o.set("room", link.room);
                    o.set("not_before", formatTokyo(link.not_before));
                    o.set("expires_at", formatTokyo(link.expires_at));
                    ctx.respondJson(200, o);
                }});
    router.add({"POST", "/api/v1/guidance/appointments/{id}/start",
                auth::Permission::GuidanceConduct, 1024, false, false, [&g](RequestContext& ctx) {
                    ctx.respondJson(
                        200,
                        appointmentJson(g.startSession(appointmentId(ctx), ctx.caller()), true));
                }});
    router.add({"POST", "/api/v1/guidance/appointments/{id}/record",
                auth::Permission::GuidanceConduct, 16 * 1024, false, false,
                [&g](RequestContext& ctx) {
                    auto input = recordFrom(ctx.json());
                    auto outcome = g.record(appointmentId(ctx), std::move(input), ctx.caller());
                    if (!outcome.stored) {
                        // Refused by the record rules: the first error names the problem, the
                        // list shows all of them (e.g. audio_only_not_online_guidance).
                        const auto& first = *std::find_if(
                            outcome.findings.begin(), outcome.findings.end(),
                            [](const auto& f) { return f.severity == guidance::Severity::Error; });
                        Poco::JSON::Object error(Poco::JSON_PRESERVE_KEY_ORDER);
                        error.set("code", first.code);
                        error.set("message", first.message_ja);
                        if (!first.field.empty()) error.set("field", first.field);
                        Poco::JSON::Object o(Poco::JSON_PRESERVE_KEY_ORDER);
                        o.set("error", error);
                        o.set("findings", findingsJson(outcome.findings));
                        ctx.respondJson(422, o);
                        return;
                    }
                    Poco::JSON::Object o = storedRecordJson(*outcome.stored);
                    o.set("findings", findingsJson(outcome.findings));
                    o.set("prescription_status", outcome.prescription_status);
                    o.set("lifecycle_moved", outcome.lifecycle_moved);
                    ctx.respondJson(201, o);
                }});
    router.add({"GET", "/api/v1/guidance/appointments/{id}/record", auth::Permission::GuidanceRead,
                0, false, false, [&g](RequestContext& ctx) {
                    auto stored = g.findRecord(appointmentId(ctx), ctx.caller());
                    if (!stored)
                        throw Error(ErrorKind::NotFound, "record_not_found",
                                    "指導記録はまだありません");
                    ctx.respondJson(200, storedRecordJson(*stored));
                }});
    router.add({"PUT", "/api/v1/guidance/prescriptions/{id}/preferred-pharmacist",
                auth::Permission::GuidanceBook, 1024, false, false, [&g](RequestContext& ctx) {
                    JsonBody body = ctx.json();
                    auto p = g.setPreferredPharmacist(
                        prescriptionId(ctx), body.requireString("pharmacist", 100), ctx.caller());
                    Poco::JSON::Object o;
                    o.set("pharmacist", pharmacistJson(p));
                    ctx.respondJson(200, o);
                }});
    router.add({"GET", "/api/v1/guidance/prescriptions/{id}/candidates",
                auth::Permission::GuidanceRead, 0, false, false, [&g](RequestContext& ctx) {
                    const auto id = prescriptionId(ctx);
                    const Date date = dateQuery(ctx, "date");
                    Poco::JSON::Array items;
                    for (const auto& c : g.candidates(id, date, ctx.caller())) {
                        Poco::JSON::Object o(Poco::JSON_PRESERVE_KEY_ORDER);
                        o.set("pharmacist", pharmacistJson(c.pharmacist));
                        o.set("preferred", c.preferred);
                        o.set("earliest_available",
                              c.facts.earliest_available
                                  ? Poco::Dynamic::Var(formatTokyo(*c.facts.earliest_available))
                                  : Poco::Dynamic::Var());
                        o.set(
                            "last_counselled",
                            c.facts.last_counselled_patient
                                ? Poco::Dynamic::Var(formatTokyo(*c.facts.last_counselled_patient))
                                : Poco::Dynamic::Var());
                        items.add(o);
                    }
                    Poco::JSON::Object o(Poco::JSON_PRESERVE_KEY_ORDER);
                    o.set("date", formatDate(date));
                    o.set("candidates", items);
                    ctx.respondJson(200, o);
                }});
}

}  // namespace rxdesk::http
