#include "http/routes/ShipmentRoutes.h"

#include <Poco/Base64Decoder.h>
#include <Poco/JSON/Array.h>
#include <Poco/NumberParser.h>

#include <sstream>

#include "core/Error.h"
#include "core/TokyoTime.h"
#include "dispatch/labels/HandlingMark.h"
#include "http/RequestContext.h"
#include "shipping/LabelMarks.h"

namespace rxdesk::http {
namespace {

using dispatch::CustodyState;

std::int64_t idParam(const RequestContext& ctx, const char* code, const char* message) {
    std::int64_t id = 0;
    if (!Poco::NumberParser::tryParse64(ctx.param("id"), id) || id <= 0)
        throw Error(ErrorKind::NotFound, code, message);
    return id;
}

std::int64_t shipmentId(const RequestContext& ctx) {
    return idParam(ctx, "shipment_not_found", "発送が見つかりません");
}

std::int64_t parcelId(const RequestContext& ctx) {
    return idParam(ctx, "parcel_not_found", "荷物が見つかりません");
}

std::string stateName(CustodyState s) {
    switch (s) {
        case CustodyState::NotPacked:
            return "not_packed";
        case CustodyState::Packed:
            return "packed";
        case CustodyState::HandedToCarrier:
            return "handed_to_carrier";
        case CustodyState::OutWithStaff:
            return "out_with_staff";
        case CustodyState::Delivered:
            return "delivered";
        case CustodyState::Failed:
            return "failed";
        case CustodyState::ReturnedToPharmacy:
            return "returned_to_pharmacy";
        case CustodyState::Withdrawn:
            return "withdrawn";
    }
    return "";
}

std::string noteKindName(dispatch::NoteKind k) {
    switch (k) {
        case dispatch::NoteKind::Text:
            return "text";
        case dispatch::NoteKind::Signature:
            return "signature";
        case dispatch::NoteKind::IdentityCheck:
            return "identity_check";
        case dispatch::NoteKind::NoLeaveAtDoor:
            return "no_leave_at_door";
    }
    return "text";
}

Poco::JSON::Array itemsView(const std::vector<shipping::ParcelItem>& items) {
    Poco::JSON::Array out;
    for (const auto& i : items) {
        Poco::JSON::Object o(Poco::JSON_PRESERVE_KEY_ORDER);
        o.set("name", i.name);
        o.set("amount", i.amount);
        o.set("usage", i.usage);
        o.set("storage", i.storage);
        out.add(o);
    }
    return out;
}

Poco::JSON::Array notesView(const std::vector<dispatch::ParcelNote>& notes, bool with_methods) {
    Poco::JSON::Array out;
    for (const auto& n : notes) {
        Poco::JSON::Object o(Poco::JSON_PRESERVE_KEY_ORDER);
        o.set("rule_id", n.rule_id);
        o.set("kind", noteKindName(n.kind));
        o.set("text", n.text);
        if (with_methods) {
            Poco::JSON::Array methods;
            for (auto m : n.methods) methods.add(std::string(dispatch::deliveryMethodName(m)));
            o.set("methods", methods);
        }
        out.add(o);
    }
    return out;
}

Poco::JSON::Array marksView(const std::vector<labels::HandlingMark>& marks) {
    Poco::JSON::Array out;
    for (auto m : marks) {
        Poco::JSON::Object o(Poco::JSON_PRESERVE_KEY_ORDER);
        o.set("mark", std::string(shipping::handlingMarkName(m)));
        o.set("text", std::string(labels::handlingMarkText(m)));
        out.add(o);
    }
    return out;
}

Poco::JSON::Object destinationView(const shipping::Recipient& r) {
    Poco::JSON::Object o(Poco::JSON_PRESERVE_KEY_ORDER);
    o.set("name", r.name);
    o.set("postcode", r.postcode);
    o.set("address", r.address);
    o.set("phone", r.phone);
    o.set("country", r.country);
    return o;
}

// The parcel as a whole; `with_items` only for pharmacy staff (delivery staff never see
// what is inside).
Poco::JSON::Object parcelView(const shipping::ParcelRecord& p, bool with_items) {
    Poco::JSON::Object o(Poco::JSON_PRESERVE_KEY_ORDER);
    o.set("id", p.id);
    o.set("seq", p.seq);
    o.set("parcel_number", p.parcel_number);
    o.set("method", std::string(dispatch::deliveryMethodName(p.method)));
    o.set("temperature", std::string(dispatch::parcelTemperatureName(p.temperature)));
    o.set("marks", marksView(p.marks));
    Poco::JSON::Object requires_(Poco::JSON_PRESERVE_KEY_ORDER);
    requires_.set("signature", p.needs_signature);
    requires_.set("identity_check", p.needs_identity_check);
    o.set("requires", requires_);
    if (with_items) {
        o.set("notes", notesView(p.notes, false));
        o.set("items", itemsView(p.items));
    }
    return o;
}

Poco::JSON::Object shipmentView(const shipping::ShipmentRecord& s) {
    Poco::JSON::Object o(Poco::JSON_PRESERVE_KEY_ORDER);
    o.set("id", s.id);
    o.set("prescription_id", s.prescription_id);
    o.set("method", s.method);
    o.set("time_slot", s.time_slot);
    if (s.cash_on_delivery) {
        o.set("cash_on_delivery", *s.cash_on_delivery);
    } else {
        o.set("cash_on_delivery", Poco::Dynamic::Var());
    }
    o.set("ship_date", s.ship_date);
    o.set("destination", destinationView(s.recipient));
    Poco::JSON::Array parcels;
    for (const auto& p : s.parcels) parcels.add(parcelView(p, true));
    o.set("parcels", parcels);
    return o;
}

Poco::JSON::Object planView(const shipping::ShipmentOutcome& out) {
    Poco::JSON::Object o(Poco::JSON_PRESERVE_KEY_ORDER);
    if (out.plan.refused) {
        Poco::JSON::Object r(Poco::JSON_PRESERVE_KEY_ORDER);
        r.set("rule_id", out.plan.refused->rule_id);
        r.set("reason", out.plan.refused->reason);
        o.set("refused", r);
    } else {
        o.set("refused", Poco::Dynamic::Var());
    }
    Poco::JSON::Array parcels;
    for (std::size_t i = 0; i < out.plan.parcels.size(); ++i) {
        const auto& p = out.plan.parcels[i];
        Poco::JSON::Object po(Poco::JSON_PRESERVE_KEY_ORDER);
        po.set("seq", static_cast<int>(i + 1));
        po.set("temperature", std::string(dispatch::parcelTemperatureName(p.temperature)));
        po.set("items", itemsView(out.parcel_items[i]));
        Poco::JSON::Array allowed;
        for (auto m : p.allowed) allowed.add(std::string(dispatch::deliveryMethodName(m)));
        po.set("allowed_methods", allowed);
        Poco::JSON::Array refused;
        for (const auto& [m, why] : p.refused) {
            Poco::JSON::Object r(Poco::JSON_PRESERVE_KEY_ORDER);
            r.set("method", std::string(dispatch::deliveryMethodName(m)));
            r.set("rule_id", why.rule_id);
            r.set("reason", why.reason);
            refused.add(r);
        }
        po.set("refused_methods", refused);
        po.set("notes", notesView(p.notes, true));
        parcels.add(po);
    }
    o.set("parcels", parcels);
    return o;
}

// What a custody endpoint answers. Delivery staff get the parcel and its destination, never
// the items or the prescription.
Poco::JSON::Object statusView(const shipping::ParcelStatus& s, bool pharmacy_staff) {
    Poco::JSON::Object o(Poco::JSON_PRESERVE_KEY_ORDER);
    o.set("parcel", parcelView(s.parcel, pharmacy_staff));
    o.set("shipment_id", s.shipment.id);
    o.set("destination", destinationView(s.shipment.recipient));
    o.set("time_slot", s.shipment.time_slot);
    // Collected with the first parcel only, as printed on its label.
    if (s.shipment.cash_on_delivery && s.parcel.seq == 1) {
        o.set("cash_on_delivery", *s.shipment.cash_on_delivery);
    } else {
        o.set("cash_on_delivery", Poco::Dynamic::Var());
    }
    const auto& c = s.custody;
    Poco::JSON::Object custody(Poco::JSON_PRESERVE_KEY_ORDER);
    custody.set("state", stateName(c.state()));
    custody.set("receipt_confirmed", c.receiptConfirmed());
    custody.set("awaiting_pharmacist_decision", c.awaitingPharmacistDecision());
    custody.set("withdrawn", c.withdrawn());
    if (c.excursion()) {
        Poco::JSON::Object x(Poco::JSON_PRESERVE_KEY_ORDER);
        x.set("first_at", formatIso8601(c.excursion()->first_at));
        x.set("worst_celsius", c.excursion()->worst_celsius);
        x.set("readings_outside", static_cast<int>(c.excursion()->readings_outside));
        custody.set("excursion", x);
    } else {
        custody.set("excursion", Poco::Dynamic::Var());
    }
    Poco::JSON::Array events;
    for (const auto& e : c.events()) {
        Poco::JSON::Object eo(Poco::JSON_PRESERVE_KEY_ORDER);
        eo.set("kind", std::string(dispatch::custodyEventKindName(e.kind)));
        eo.set("at", formatIso8601(e.at));
        eo.set("actor", e.actor);
        events.add(eo);
    }
    custody.set("events", events);
    o.set("custody", custody);
    if (pharmacy_staff) {
        o.set("prescription_id", s.shipment.prescription_id);
        o.set("prescription_status", s.prescription_status);
    }
    return o;
}

bool isPharmacyStaff(const RequestContext& ctx) {
    const auto& p = ctx.principal();
    return p.isUser() && p.role &&
           (*p.role == auth::Role::Pharmacist || *p.role == auth::Role::Clerk);
}

labels::LabelFormat formatOf(const RequestContext& ctx) {
    std::string f = ctx.query("format").value_or("a6");
    if (f == "a6") return labels::LabelFormat::A6;
    if (f == "roll62") return labels::LabelFormat::Roll62;
    throw Error(ErrorKind::BadRequest, "invalid_field", "format は a6 か roll62 です", "format");
}

std::string requireDate(const RequestContext& ctx) {
    auto date = ctx.query("date");
    if (!date || !parseDate(*date))
        throw Error(ErrorKind::BadRequest, "invalid_field", "date は YYYY-MM-DD です", "date");
    return *date;
}

void respondPdf(RequestContext& ctx, std::string pdf, const std::string& name) {
    ctx.addHeader("Content-Disposition", "inline; filename=\"" + name + "\"");
    ctx.respond(200, "application/pdf", std::move(pdf));
}

shipping::ShipmentRequest requestFrom(const JsonBody& body) {
    shipping::ShipmentRequest r;
    r.prescription_id = body.requireInt("prescription_id", 1, INT64_MAX);
    if (body.has("destination")) {
        auto d = body.object()->getObject("destination");
        if (!d)
            throw Error(ErrorKind::BadRequest, "invalid_field", "destination はオブジェクトです",
                        "destination");
        JsonBody dest(d);
        r.destination.name = dest.optionalString("name", 100).value_or("");
        r.destination.postcode = dest.optionalString("postcode", 10).value_or("");
        r.destination.address = dest.optionalString("address", 300).value_or("");
        r.destination.phone = dest.optionalString("phone", 20).value_or("");
        r.destination.country = dest.optionalString("country", 40).value_or("JP");
    }
    r.preferred_method = body.requireString("preferred_method", 40);
    r.time_slot = body.optionalString("time_slot", 8).value_or("");
    if (auto cod = body.optionalInt("cash_on_delivery", 0, 300000); cod && *cod > 0)
        r.cash_on_delivery = *cod;
    r.ship_date = body.optionalString("ship_date", 10);
    r.dry_run = body.optionalBool("dry_run").value_or(false);
    return r;
}

std::string decodeBase64(std::string text, const char* field) {
    // Accept a data URL as a phone browser's canvas produces it.
    if (auto comma = text.find(','); text.starts_with("data:") && comma != std::string::npos)
        text = text.substr(comma + 1);
    try {
        std::istringstream in(text);
        Poco::Base64Decoder decoder(in);
        std::string out((std::istreambuf_iterator<char>(decoder)),
                        std::istreambuf_iterator<char>());
        if (out.empty()) throw Error(ErrorKind::BadRequest, "invalid_field", "署名が空です", field);
        return out;
    } catch (const Poco::Exception&) {
        throw Error(ErrorKind::BadRequest, "invalid_field", "署名は base64 の PNG 画像です", field);
    }
}

dispatch::CustodyEvent eventFrom(const JsonBody& body, std::optional<std::string>& signature) {
    dispatch::CustodyEvent e;
    std::string kind = body.requireString("kind", 40);
    if (kind == "returned") kind = "returned_to_pharmacy";
    auto parsed = dispatch::parseCustodyEventKind(kind);
    if (!parsed)
        throw Error(
            ErrorKind::BadRequest, "invalid_field",
            "kind は packed・handed_to_carrier・out_with_staff・delivered・failed・returned "
            "のいずれかです",
            "kind");
    e.kind = *parsed;
    e.recipient_name = body.optionalString("recipient_name", 100).value_or("");
    if (auto id = body.optionalString("identity_check", 40)) {
        auto method = dispatch::parseIdentityCheckMethod(*id);
        if (!method)
            throw Error(
                ErrorKind::BadRequest, "invalid_field",
                "identity_check は my_number_card・driver_licence・passport・insurance_card・"
                "other・none のいずれかです",
                "identity_check");
        e.identity_check = *method;
    }
    if (auto sig = body.optionalString("signature", 700 * 1024))
        signature = decodeBase64(*sig, "signature");
    e.failure_reason = body.optionalString("reason", 500).value_or("");
    e.note = body.optionalString("note", 1000).value_or("");
    return e;
}

}  // namespace

void addShipmentRoutes(Router& router, shipping::ShippingService& shipping) {
    router.add({"POST", "/api/v1/shipments", auth::Permission::ShipmentManage, 16 * 1024, true,
                false, [&shipping](RequestContext& ctx) {
                    JsonBody body = ctx.json();
                    auto request = requestFrom(body);
                    auto out = shipping.plan(request, ctx.caller());
                    Poco::JSON::Object o(Poco::JSON_PRESERVE_KEY_ORDER);
                    if (out.refusal) {
                        Poco::JSON::Object error(Poco::JSON_PRESERVE_KEY_ORDER);
                        bool whole = out.refusal->method.empty();
                        error.set("code", whole ? "shipment_refused" : "delivery_method_refused");
                        error.set("message", out.refusal->reason);
                        error.set("field", whole ? "destination" : "preferred_method");
                        error.set("rule_id", out.refusal->rule_id);
                        if (!whole) {
                            error.set("method", out.refusal->method);
                            error.set("parcel", out.refusal->parcel_seq);
                        }
                        o.set("error", error);
                        o.set("plan", planView(out));
                        ctx.respondJson(422, o);
                        return;
                    }
                    o.set("plan", planView(out));
                    if (out.shipment) {
                        o.set("shipment", shipmentView(*out.shipment));
                        ctx.addHeader("Location",
                                      "/api/v1/shipments/" + std::to_string(out.shipment->id));
                        ctx.respondJson(201, o);
                    } else {
                        ctx.respondJson(200, o);
                    }
                }});
    // Literal paths before /{id} so that "export" is never taken for an id.
    // The dispatch desk's day: every shipment of `date` with each parcel's number, method,
    // handling marks and custody state; the destination as the shipment view shows it, the
    // items left out.
    router.add({"GET", "/api/v1/shipments", auth::Permission::ShipmentManage, 0, false, false,
                [&shipping](RequestContext& ctx) {
                    std::string date = requireDate(ctx);
                    Poco::JSON::Array shipments;
                    for (const auto& d : shipping.shipmentsOfDate(date, ctx.caller())) {
                        Poco::JSON::Object o = shipmentView(d.shipment);
                        o.set("prescription_status", d.prescription_status);
                        Poco::JSON::Array parcels;
                        for (std::size_t i = 0; i < d.shipment.parcels.size(); ++i) {
                            Poco::JSON::Object p = parcelView(d.shipment.parcels[i], false);
                            const auto& c = d.custody[i];
                            Poco::JSON::Object custody(Poco::JSON_PRESERVE_KEY_ORDER);
                            custody.set("state", stateName(c.state()));
                            custody.set("receipt_confirmed", c.receiptConfirmed());
                            custody.set("awaiting_pharmacist_decision",
                                        c.awaitingPharmacistDecision());
                            custody.set("withdrawn", c.withdrawn());
                            p.set("custody", custody);
                            parcels.add(p);
                        }
                        o.set("parcels", parcels);
                        shipments.add(o);
                    }
                    Poco::JSON::Object o(Poco::JSON_PRESERVE_KEY_ORDER);
                    o.set("date", date);
                    o.set("shipments", shipments);
                    ctx.respondJson(200, o);
                }});
    router.add({"GET", "/api/v1/shipments/export/b2", auth::Permission::ShipmentManage, 0, false,
                false, [&shipping](RequestContext& ctx) {
                    std::string date = requireDate(ctx);
                    auto out = shipping.exportB2(date, ctx.caller());
                    ctx.addHeader("X-B2-Rows", std::to_string(out.rows));
                    ctx.addHeader("X-B2-Skipped", std::to_string(out.problems.size()));
                    ctx.addHeader("Content-Disposition",
                                  "attachment; filename=\"b2-" + date + ".csv\"");
                    ctx.respond(200, "text/csv; charset=Shift_JIS", std::move(out.bytes));
                }});
    router.add({"GET", "/api/v1/shipments/{id}", auth::Permission::ShipmentManage, 0, false, false,
                [&shipping](RequestContext& ctx) {
                    ctx.respondJson(200, shipmentView(shipping.get(shipmentId(ctx), ctx.caller())));
                }});
    router.add({"GET", "/api/v1/shipments/{id}/labels", auth::Permission::ShipmentManage, 0, false,
                false, [&shipping](RequestContext& ctx) {
                    auto id = shipmentId(ctx);
                    respondPdf(ctx, shipping.labels(id, formatOf(ctx), ctx.caller()),
                               "labels-" + std::to_string(id) + ".pdf");
                }});
    router.add({"GET", "/api/v1/shipments/{id}/handling-note", auth::Permission::ShipmentManage, 0,
                false, false, [&shipping](RequestContext& ctx) {
                    auto id = shipmentId(ctx);
                    respondPdf(ctx, shipping.handlingNote(id, ctx.caller()),
                               "handling-note-" + std::to_string(id) + ".pdf");
                }});
    router.add({"GET", "/api/v1/parcels/labels", auth::Permission::ShipmentManage, 0, false, false,
                [&shipping](RequestContext& ctx) {
                    std::string date = requireDate(ctx);
                    respondPdf(ctx, shipping.labelsForDate(date, formatOf(ctx), ctx.caller()),
                               "labels-" + date + ".pdf");
                }});
    router.add({"GET", "/api/v1/parcels/unconfirmed", auth::Permission::ShipmentManage, 0, false,
                false, [&shipping](RequestContext& ctx) {
                    Poco::JSON::Array list;
                    for (const auto& u : shipping.unconfirmed(ctx.caller())) {
                        Poco::JSON::Object o(Poco::JSON_PRESERVE_KEY_ORDER);
                        o.set("parcel_id", u.parcel.id);
                        o.set("parcel_number", u.parcel.parcel_number);
                        o.set("shipment_id", u.shipment.id);
                        o.set("prescription_id", u.shipment.prescription_id);
                        o.set("state", stateName(u.delivery.state));
                        o.set("since", formatIso8601(u.delivery.since));
                        o.set("destination", destinationView(u.shipment.recipient));
                        list.add(o);
                    }
                    Poco::JSON::Object o;
                    o.set("parcels", list);
                    ctx.respondJson(200, o);
                }});
    router.add({"GET", "/api/v1/parcels/by-number/{number}", auth::Permission::ParcelCustody, 0,
                false, false, [&shipping](RequestContext& ctx) {
                    auto status = shipping.parcelByNumber(ctx.param("number"), ctx.caller());
                    ctx.respondJson(200, statusView(status, isPharmacyStaff(ctx)));
                }});
    router.add({"GET", "/api/v1/parcels/{id}", auth::Permission::ShipmentManage, 0, false, false,
                [&shipping](RequestContext& ctx) {
                    ctx.respondJson(200,
                                    statusView(shipping.parcel(parcelId(ctx), ctx.caller()), true));
                }});
    router.add({"POST", "/api/v1/parcels/{id}/events", auth::Permission::ParcelCustody, 1024 * 1024,
                false, false, [&shipping](RequestContext& ctx) {
                    JsonBody body = ctx.json();
                    std::optional<std::string> signature;
                    auto event = eventFrom(body, signature);
                    auto status = shipping.recordEvent(parcelId(ctx), std::move(event), signature,
                                                       ctx.caller());
                    ctx.respondJson(200, statusView(status, isPharmacyStaff(ctx)));
                }});
    router.add(
        {"POST", "/api/v1/parcels/{id}/receipt", auth::Permission::ShipmentManage, 4096, false,
         false, [&shipping](RequestContext& ctx) {
             JsonBody body = ctx.json();
             auto method = dispatch::parseConfirmationMethod(body.requireString("method", 40));
             if (!method)
                 throw Error(ErrorKind::BadRequest, "invalid_field",
                             "method は phone・carrier_record・app のいずれかです", "method");
             auto status = shipping.confirmReceipt(parcelId(ctx), *method,
                                                   body.optionalString("note", 1000).value_or(""),
                                                   ctx.caller());
             ctx.respondJson(200, statusView(status, true));
         }});
    router.add({"POST", "/api/v1/parcels/{id}/temperatures", auth::Permission::ParcelCustody,
                64 * 1024, false, false, [&shipping](RequestContext& ctx) {
                    JsonBody body = ctx.json();
                    auto list = body.object()->getArray("readings");
                    if (!list)
                        throw Error(ErrorKind::BadRequest, "missing_field", "readings がありません",
                                    "readings");
                    std::vector<std::pair<std::optional<TimePoint>, double>> readings;
                    for (std::size_t i = 0; i < list->size(); ++i) {
                        auto r = list->getObject(i);
                        if (!r)
                            throw Error(ErrorKind::BadRequest, "invalid_field",
                                        "readings はオブジェクトの配列です", "readings");
                        JsonBody reading(r);
                        if (!r->has("celsius") || !r->get("celsius").isNumeric())
                            throw Error(ErrorKind::BadRequest, "invalid_field",
                                        "celsius は数値です", "readings");
                        double celsius = r->getValue<double>("celsius");
                        std::optional<TimePoint> at;
                        if (auto text = reading.optionalString("at", 40)) {
                            at = parseIso8601(*text);
                            if (!at)
                                throw Error(ErrorKind::BadRequest, "invalid_field",
                                            "at は ISO 8601 の日時です", "readings");
                        }
                        readings.emplace_back(at, celsius);
                    }
                    auto status =
                        shipping.recordTemperatures(parcelId(ctx), readings, ctx.caller());
                    ctx.respondJson(200, statusView(status, isPharmacyStaff(ctx)));
                }});
    router.add({"POST", "/api/v1/parcels/{id}/decision", auth::Permission::ParcelDecision, 4096,
                false, false, [&shipping](RequestContext& ctx) {
                    JsonBody body = ctx.json();
                    auto decision =
                        dispatch::parseExcursionDecision(body.requireString("decision", 20));
                    if (!decision)
                        throw Error(ErrorKind::BadRequest, "invalid_field",
                                    "decision は release か withdraw です", "decision");
                    auto status = shipping.decide(parcelId(ctx), *decision,
                                                  body.optionalString("note", 1000).value_or(""),
                                                  ctx.caller());
                    ctx.respondJson(200, statusView(status, true));
                }});
}

}  // namespace rxdesk::http
