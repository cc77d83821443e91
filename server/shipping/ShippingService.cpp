#include "shipping/ShippingService.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "core/Error.h"
#include "core/TokyoTime.h"
#include "dispatch/carrier/B2LabelHints.h"
#include "dispatch/custody/UnconfirmedDeliveries.h"
#include "dispatch/labels/HandlingNoteRenderer.h"
#include "dispatch/rules/ItemClasses.h"
#include "shipping/LabelMarks.h"
#include "shipping/ParcelNumber.h"

namespace rxdesk::shipping {
namespace {

using dispatch::CustodyEventKind;
using dispatch::DeliveryMethod;
using dispatch::HandlingClass;
using dispatch::ParcelTemperature;

Error shipmentNotFound() {
    return Error(ErrorKind::NotFound, "shipment_not_found", "発送が見つかりません");
}

Error parcelNotFound() {
    return Error(ErrorKind::NotFound, "parcel_not_found", "荷物が見つかりません");
}

DeliveryMethod carrierFor(ParcelTemperature t) {
    switch (t) {
        case ParcelTemperature::Room:
            return DeliveryMethod::CarrierNormal;
        case ParcelTemperature::Chilled:
            return DeliveryMethod::CarrierChilled;
        case ParcelTemperature::Frozen:
            return DeliveryMethod::CarrierFrozen;
    }
    return DeliveryMethod::CarrierNormal;
}

bool isAbroad(const std::string& country) {
    std::string c = country;
    std::transform(c.begin(), c.end(), c.begin(),
                   [](unsigned char ch) { return std::toupper(ch); });
    return !(c.empty() || c == "JP" || c == "JPN" || country == "日本");
}

std::string storageLabel(const std::set<HandlingClass>& classes) {
    std::string out;
    if (classes.contains(HandlingClass::Frozen)) {
        out = "冷凍";
    } else if (classes.contains(HandlingClass::Cold)) {
        out = "冷所（2〜8℃）";
    }
    if (classes.contains(HandlingClass::ProtectFromLight)) out += out.empty() ? "遮光" : "・遮光";
    return out;
}

std::string usageText(const prescription::RpGroup& rp) {
    std::string text = rp.usage.text;
    if (rp.quantity > 0) {
        if (rp.quantityIsDays()) {
            text += (text.empty() ? "" : " ") + std::to_string(rp.quantity) + "日分";
        } else if (rp.form == prescription::DosageForm::AsNeeded) {
            text += (text.empty() ? "" : " ") + std::to_string(rp.quantity) + "回分";
        }
    }
    return text;
}

std::string timeSlotLabel(const std::string& code) {
    if (code == "0812") return "午前中";
    if (code == "1416") return "14時〜16時";
    if (code == "1618") return "16時〜18時";
    if (code == "1820") return "18時〜20時";
    if (code == "1921") return "19時〜21時";
    return "";
}

std::string japaneseDate(const std::string& iso) {
    auto d = parseDate(iso);
    if (!d) return "";
    return std::to_string(int(d->year())) + "年" + std::to_string(unsigned(d->month())) + "月" +
           std::to_string(unsigned(d->day())) + "日";
}

std::string digitsOnly(const std::string& s) {
    std::string out;
    for (char c : s) {
        if (c >= '0' && c <= '9') out.push_back(c);
    }
    return out;
}

// What the handling note tells the patient about keeping the medicine.
std::vector<std::string> storageInstructions(const ParcelRecord& parcel,
                                             const std::set<HandlingClass>& classes) {
    std::vector<std::string> out;
    switch (parcel.temperature) {
        case ParcelTemperature::Chilled:
            out.push_back("届いたらすぐに冷蔵庫（2〜8℃）に入れてください。凍らせないでください。");
            break;
        case ParcelTemperature::Frozen:
            out.push_back("届いたらすぐに冷凍庫に入れてください。");
            break;
        case ParcelTemperature::Room:
            out.push_back("直射日光・高温多湿を避けて、室温で保管してください。");
            break;
    }
    if (classes.contains(HandlingClass::ProtectFromLight))
        out.push_back("光に当たると変質するお薬があります。袋や箱に入れたまま保管してください。");
    if (classes.contains(HandlingClass::DoNotShake)) out.push_back("強く振らないでください。");
    out.push_back("お子様の手の届かないところに保管してください。");
    return out;
}

bool isPharmacyStaff(const auth::Principal& p) {
    return p.isUser() && p.role &&
           (*p.role == auth::Role::Pharmacist || *p.role == auth::Role::Clerk);
}

// A parcel has reached the patient: handed over, and for a carrier also confirmed.
bool received(const dispatch::ParcelCustody& c) {
    return c.state() == dispatch::CustodyState::Delivered &&
           (c.channel() != dispatch::DeliveryChannel::Carrier || c.receiptConfirmed());
}

}  // namespace

std::int64_t ShippingService::now() const {
    return unixSeconds(clock_.now());
}

void ShippingService::auditShipment(const auth::Caller& caller, const std::string& action,
                                    const ShipmentRecord& s, const std::string& detail,
                                    const std::string& outcome) {
    audit_.record(audit::AuditEvent{
        caller.principal.actor(), action, "shipment", s.id ? std::to_string(s.id) : "",
        s.patient_ref.empty() ? std::nullopt : std::optional<std::string>(s.patient_ref),
        caller.remote_addr, outcome, detail});
}

ShipmentOutcome ShippingService::plan(const ShipmentRequest& request, const auth::Caller& caller) {
    std::optional<DeliveryMethod> fixed_method;
    if (request.preferred_method != "carrier") {
        fixed_method = dispatch::parseDeliveryMethod(request.preferred_method);
        if (!fixed_method)
            throw Error(ErrorKind::BadRequest, "invalid_field",
                        "配送方法は carrier_normal・carrier_chilled・carrier_frozen・"
                        "staff_hand_delivery・patient_pickup・carrier のいずれかです",
                        "preferred_method");
    }
    if (!dispatch::parseB2TimeSlot(request.time_slot))
        throw Error(ErrorKind::BadRequest, "invalid_field",
                    "配達時間帯は 0812・1416・1618・1820・1921 か空欄です", "time_slot");
    if (request.cash_on_delivery &&
        (*request.cash_on_delivery < 1 || *request.cash_on_delivery > 300000))
        throw Error(ErrorKind::BadRequest, "invalid_field", "代金引換額は1〜300,000円です",
                    "cash_on_delivery");
    std::string ship_date = formatDate(tokyoDate(clock_.now()));
    if (request.ship_date) {
        if (!parseDate(*request.ship_date))
            throw Error(ErrorKind::BadRequest, "invalid_field", "出荷日は YYYY-MM-DD です",
                        "ship_date");
        ship_date = *request.ship_date;
    }

    intake::PrescriptionRecord rx;
    tx_.read([&] {
        auto found = prescriptions_.find(request.prescription_id);
        if (!found)
            throw Error(ErrorKind::NotFound, "prescription_not_found", "処方箋が見つかりません",
                        "prescription_id");
        rx = std::move(*found);
    });
    if (!rx.content)
        throw Error(ErrorKind::Conflict, "content_required",
                    "処方内容が入力されていない処方箋は発送できません");
    if (rx.status == "cancelled" || rx.status == "misdirected")
        throw Error(ErrorKind::Conflict, "prescription_closed",
                    "取消・誤送信の処方箋は発送できません");

    // One snapshot for the whole plan, so an import running meanwhile cannot mix catalogs.
    auto catalog = catalogs_.current();
    std::vector<dispatch::ShipmentItem> items;
    std::vector<ParcelItem> lines;
    for (const auto& rp : rx.content->rps) {
        for (const auto& item : rp.items) {
            dispatch::ShipmentItem si;
            si.ref = std::to_string(rp.rp_no) + "-" + std::to_string(item.seq);
            std::string claims_code =
                item.code_system == prescription::DrugCodeSystem::Claims ? item.code : "";
            if (auto info = resolveItem(*catalog, item)) {
                si.classes = dispatch::handlingClassesOf(*info);
                if (claims_code.empty()) claims_code = info->claims_code;
            }
            // Classes the catalog cannot give (drugs not in the master) come from the
            // classifier's fallback, so a keyword-known narcotic still travels as one.
            checks::DrugClasses c = classifier_.classify(*catalog, item);
            if (c.narcotic) si.classes.insert(HandlingClass::Narcotic);
            if (c.psychotropic) si.classes.insert(HandlingClass::Psychotropic);
            if (c.poison) si.classes.insert(HandlingClass::Poison);
            if (c.stimulant_raw_material) si.classes.insert(HandlingClass::StimulantRawMaterial);
            if (c.emergency_contraceptive) si.classes.insert(HandlingClass::EmergencyContraceptive);
            lines.push_back({item.name, item.amount + item.unit, usageText(rp),
                             storageLabel(si.classes), std::move(claims_code)});
            items.push_back(std::move(si));
        }
    }

    Recipient destination = request.destination;
    if (destination.name.empty()) destination.name = rx.patient_name;
    if (destination.country.empty()) destination.country = "JP";
    dispatch::Destination where{isAbroad(destination.country), !destination.address.empty()};

    ShipmentOutcome outcome;
    outcome.plan = rules_.plan(items, where);
    for (const auto& parcel : outcome.plan.parcels) {
        std::vector<ParcelItem> in_parcel;
        for (std::size_t i : parcel.items) in_parcel.push_back(lines[i]);
        outcome.parcel_items.push_back(std::move(in_parcel));
    }

    ShipmentRecord s;
    s.prescription_id = rx.id;
    s.patient_ref = rx.patient_ref;
    s.method = request.preferred_method;
    s.time_slot = request.time_slot;
    s.cash_on_delivery = request.cash_on_delivery;
    s.recipient = destination;
    s.ship_date = ship_date;
    s.created_at = now();
    s.created_by = caller.principal.actor();

    if (outcome.plan.refused) {
        outcome.refusal =
            ShipmentRefusal{outcome.plan.refused->rule_id, outcome.plan.refused->reason, "", 0};
    } else {
        int seq = 0;
        for (std::size_t p = 0; p < outcome.plan.parcels.size(); ++p) {
            const auto& planned = outcome.plan.parcels[p];
            ++seq;
            DeliveryMethod method = fixed_method ? *fixed_method : carrierFor(planned.temperature);
            auto decision = dispatch::HandlingRules::check(planned, method);
            if (!decision.accepted) {
                outcome.refusal =
                    ShipmentRefusal{decision.refusal->rule_id, decision.refusal->reason,
                                    std::string(dispatch::deliveryMethodName(method)), seq};
                break;
            }
            ParcelRecord parcel;
            parcel.seq = seq;
            parcel.method = method;
            parcel.temperature = planned.temperature;
            auto requirements = dispatch::custodyRequirements(planned, method);
            parcel.needs_signature = requirements.signature;
            parcel.needs_identity_check = requirements.identity_check;
            parcel.marks = labelMarks(planned, method);
            parcel.notes = dispatch::HandlingRules::notesFor(planned, method);
            if (auto hints = dispatch::b2LabelHints(planned, method)) {
                parcel.b2_handling = hints->handling1;
                parcel.b2_remarks = hints->remarks;
            }
            parcel.items = outcome.parcel_items[p];
            s.parcels.push_back(std::move(parcel));
        }
    }

    if (outcome.refusal || request.dry_run) {
        auditShipment(caller, "shipment.plan", s,
                      outcome.refusal ? "refused=" + outcome.refusal->rule_id : "dry_run",
                      outcome.refusal ? "refused" : "ok");
        return outcome;
    }
    tx_.write([&] {
        for (auto& parcel : s.parcels) {
            do {
                parcel.parcel_number = randomParcelNumber();
            } while (shipments_.parcelNumberTaken(parcel.parcel_number));
        }
        s.id = shipments_.insert(s);
        auditShipment(caller, "shipment.create", s,
                      "prescription=" + std::to_string(s.prescription_id) +
                          " parcels=" + std::to_string(s.parcels.size()));
    });
    outcome.shipment = s;
    return outcome;
}

ShipmentRecord ShippingService::get(std::int64_t shipment_id, const auth::Caller& caller) {
    std::optional<ShipmentRecord> s;
    tx_.read([&] { s = shipments_.find(shipment_id); });
    if (!s) throw shipmentNotFound();
    auditShipment(caller, "shipment.read", *s);
    return *s;
}

std::vector<labels::LabelData> ShippingService::labelData(const ShipmentRecord& s) const {
    std::vector<labels::LabelData> out;
    bool cod_printed = false;
    for (const auto& parcel : s.parcels) {
        labels::LabelData label;
        label.recipient = {s.recipient.name, s.recipient.postcode, s.recipient.address,
                           s.recipient.phone};
        label.sender = settings_.pharmacy;
        label.marks = parcel.marks;
        label.time_slot = timeSlotLabel(s.time_slot);
        // The amount is collected once per shipment: on the first parcel's label only.
        if (s.cash_on_delivery && !cod_printed) {
            label.cash_on_delivery_yen = *s.cash_on_delivery;
            cod_printed = true;
        }
        label.parcel_number = parcel.parcel_number;
        out.push_back(std::move(label));
    }
    return out;
}

std::string ShippingService::labels(std::int64_t shipment_id, labels::LabelFormat format,
                                    const auth::Caller& caller) {
    std::optional<ShipmentRecord> s;
    tx_.read([&] { s = shipments_.find(shipment_id); });
    if (!s) throw shipmentNotFound();
    std::string pdf = labels::LabelRenderer().render(labelData(*s), format);
    auditShipment(caller, "shipment.labels", *s);
    return pdf;
}

std::string ShippingService::labelsForDate(const std::string& date, labels::LabelFormat format,
                                           const auth::Caller& caller) {
    if (!parseDate(date))
        throw Error(ErrorKind::BadRequest, "invalid_field", "date は YYYY-MM-DD です", "date");
    std::vector<ShipmentRecord> list;
    tx_.read([&] { list = shipments_.listByShipDate(date); });
    std::vector<labels::LabelData> all;
    for (const auto& s : list) {
        auto data = labelData(s);
        all.insert(all.end(), data.begin(), data.end());
    }
    if (all.empty())
        throw Error(ErrorKind::NotFound, "no_parcels", "その日に出荷する荷物はありません", "date");
    std::string pdf = labels::LabelRenderer().render(all, format);
    tx_.write([&] {
        for (const auto& s : list) auditShipment(caller, "shipment.labels", s, "batch=" + date);
    });
    return pdf;
}

std::string ShippingService::handlingNote(std::int64_t shipment_id, const auth::Caller& caller) {
    std::optional<ShipmentRecord> s;
    std::optional<intake::PrescriptionRecord> rx;
    tx_.read([&] {
        s = shipments_.find(shipment_id);
        if (s) rx = prescriptions_.find(s->prescription_id);
    });
    if (!s) throw shipmentNotFound();
    auto catalog = catalogs_.current();
    std::vector<labels::HandlingNoteData> notes;
    for (const auto& parcel : s->parcels) {
        labels::HandlingNoteData note;
        note.recipient_name = s->recipient.name;
        note.dispensed_on = rx ? japaneseDate(rx->dispensed_on) : "";
        note.parcel_number = parcel.parcel_number;
        std::set<HandlingClass> classes;
        if (rx && rx->content) {
            for (const auto& rp : rx->content->rps) {
                for (const auto& item : rp.items) {
                    bool in_parcel =
                        std::any_of(parcel.items.begin(), parcel.items.end(),
                                    [&](const ParcelItem& i) { return i.name == item.name; });
                    if (!in_parcel) continue;
                    if (auto info = resolveItem(*catalog, item)) {
                        auto c = dispatch::handlingClassesOf(*info);
                        classes.insert(c.begin(), c.end());
                    }
                }
            }
        }
        for (const auto& item : parcel.items)
            note.items.push_back({item.name, item.amount, item.usage, item.storage});
        note.storage_instructions = storageInstructions(parcel, classes);
        note.pharmacy = settings_.pharmacy;
        note.contact_hours = settings_.contact_hours;
        notes.push_back(std::move(note));
    }
    std::string pdf = labels::HandlingNoteRenderer().render(notes, reports::PaperSize::A5);
    auditShipment(caller, "shipment.handling_note", *s);
    return pdf;
}

dispatch::B2Export ShippingService::exportB2(const std::string& date, const auth::Caller& caller) {
    if (settings_.b2.billing_customer_code.empty())
        throw Error(
            ErrorKind::Conflict, "b2_not_configured",
            "B2 "
            "の請求先顧客コード（rxdesk.dispatch.b2.billing_customer_code）が設定されていません");
    auto ship_date = parseDate(date);
    if (!ship_date)
        throw Error(ErrorKind::BadRequest, "invalid_field", "date は YYYY-MM-DD です", "date");
    std::vector<ShipmentRecord> list;
    tx_.read([&] { list = shipments_.listByShipDate(date); });
    std::vector<dispatch::B2Shipment> rows;
    std::vector<const ShipmentRecord*> exported;
    for (const auto& s : list) {
        bool cod_done = false;
        bool any = false;
        for (const auto& parcel : s.parcels) {
            if (!dispatch::isCarrierMethod(parcel.method)) continue;
            any = true;
            dispatch::B2Shipment b2;
            b2.customer_ref = parcel.parcel_number;
            b2.cool =
                parcel.method == DeliveryMethod::CarrierChilled  ? dispatch::B2CoolClass::Chilled
                : parcel.method == DeliveryMethod::CarrierFrozen ? dispatch::B2CoolClass::Frozen
                                                                 : dispatch::B2CoolClass::Normal;
            b2.ship_date = *ship_date;
            b2.time_slot =
                dispatch::parseB2TimeSlot(s.time_slot).value_or(dispatch::B2TimeSlot::Unspecified);
            b2.recipient = {s.recipient.phone, digitsOnly(s.recipient.postcode),
                            s.recipient.address, "", s.recipient.name};
            const auto& ph = settings_.pharmacy;
            b2.sender = {ph.phone, digitsOnly(ph.postcode), ph.address, "", ph.name};
            b2.handling1 = parcel.b2_handling;
            b2.remarks = parcel.b2_remarks;
            if (s.cash_on_delivery && !cod_done) {
                b2.type = dispatch::B2InvoiceType::Collect;
                b2.cod_amount = *s.cash_on_delivery;
                cod_done = true;
            }
            rows.push_back(std::move(b2));
        }
        if (any) exported.push_back(&s);
    }
    dispatch::B2Export out = dispatch::exportB2Csv(rows, settings_.b2);
    tx_.write([&] {
        for (const ShipmentRecord* s : exported)
            auditShipment(caller, "shipment.export_b2", *s, "date=" + date);
    });
    return out;
}

dispatch::ParcelCustody ShippingService::custodyOf(const ParcelRecord& parcel) {
    std::vector<dispatch::CustodyEvent> log;
    for (auto& stored : shipments_.events(parcel.id)) log.push_back(std::move(stored.event));
    dispatch::CustodyRequirements requirements{parcel.temperature, parcel.needs_signature,
                                               parcel.needs_identity_check};
    return dispatch::ParcelCustody::replay(std::to_string(parcel.id), requirements, log);
}

ParcelStatus ShippingService::parcelByNumber(const std::string& number,
                                             const auth::Caller& caller) {
    if (!isValidParcelNumber(number)) throw parcelNotFound();
    std::optional<ParcelStatus> status;
    tx_.read([&] {
        auto s = shipments_.findByParcelNumber(number);
        if (!s) return;
        for (const auto& p : s->parcels) {
            if (p.parcel_number != number) continue;
            status = ParcelStatus{*s, p, custodyOf(p), ""};
        }
    });
    if (!status) throw parcelNotFound();
    auditShipment(caller, "parcel.lookup", status->shipment,
                  "parcel=" + std::to_string(status->parcel.id));
    return std::move(*status);
}

std::vector<DayShipment> ShippingService::shipmentsOfDate(const std::string& date,
                                                          const auth::Caller& caller) {
    if (!parseDate(date))
        throw Error(ErrorKind::BadRequest, "invalid_field", "date は YYYY-MM-DD です", "date");
    std::vector<DayShipment> out;
    tx_.read([&] {
        for (auto& s : shipments_.listByShipDate(date)) {
            DayShipment day{std::move(s), {}, ""};
            for (const auto& p : day.shipment.parcels) day.custody.push_back(custodyOf(p));
            if (auto rx = prescriptions_.find(day.shipment.prescription_id))
                day.prescription_status = rx->status;
            out.push_back(std::move(day));
        }
    });
    if (!out.empty())
        tx_.write([&] {
            for (const auto& d : out)
                auditShipment(caller, "shipment.list", d.shipment, "date=" + date);
        });
    return out;
}

ParcelStatus ShippingService::parcel(std::int64_t parcel_id, const auth::Caller& caller) {
    std::optional<ParcelStatus> status;
    tx_.read([&] {
        auto s = shipments_.findByParcelId(parcel_id);
        if (!s) return;
        for (const auto& p : s->parcels) {
            if (p.id == parcel_id) status = ParcelStatus{*s, p, custodyOf(p), ""};
        }
    });
    if (!status) throw parcelNotFound();
    auditShipment(caller, "parcel.read", status->shipment, "parcel=" + std::to_string(parcel_id));
    return std::move(*status);
}

void ShippingService::advancePrescription(const ShipmentRecord& s,
                                          const dispatch::ParcelCustody& custody,
                                          const dispatch::CustodyEvent& event,
                                          const auth::Caller& caller) {
    auto rx = prescriptions_.find(s.prescription_id);
    if (!rx) return;
    std::string action;
    if (event.kind == CustodyEventKind::Packed) {
        // Packed for sending is the pharmacy's 発送; a parcel for pickup is handed over at
        // the counter instead.
        bool pickup = std::all_of(s.parcels.begin(), s.parcels.end(), [](const ParcelRecord& p) {
            return p.method == DeliveryMethod::PatientPickup;
        });
        if (!pickup && rx->status == "guided") action = "ship";
    } else if (event.kind == CustodyEventKind::Delivered ||
               event.kind == CustodyEventKind::ReceiptConfirmed) {
        bool all = true;
        for (const auto& p : s.parcels) {
            if (std::to_string(p.id) == custody.parcelId()) {
                all = all && received(custody);
            } else {
                all = all && received(custodyOf(p));
            }
        }
        if (all && rx->status == "shipped") action = "confirm_delivery";
        if (all && rx->status == "guided" &&
            custody.channel() == dispatch::DeliveryChannel::Counter &&
            isPharmacyStaff(caller.principal))
            action = "hand_over";
    }
    if (action.empty()) return;
    // Joins this write transaction: the custody event and the lifecycle step commit together.
    intake_.act(rx->id, action, rx->version, "発送 " + std::to_string(s.id), caller);
}

ParcelStatus ShippingService::append(std::int64_t parcel_id, dispatch::CustodyEvent event,
                                     const auth::Caller& caller, const std::string& audit_action) {
    if (event.at == TimePoint{}) event.at = clock_.now();
    event.actor = caller.principal.actor();
    std::optional<ParcelStatus> status;
    tx_.write([&] {
        auto s = shipments_.findByParcelId(parcel_id);
        if (!s) throw parcelNotFound();
        auto p = std::find_if(s->parcels.begin(), s->parcels.end(),
                              [&](const ParcelRecord& r) { return r.id == parcel_id; });
        dispatch::ParcelCustody custody = custodyOf(*p);
        if (auto refused = custody.record(event)) {
            throw Error(ErrorKind::Conflict, refused->code, refused->reason);
        }
        shipments_.appendEvent(parcel_id, event);
        advancePrescription(*s, custody, event, caller);
        auditShipment(caller, audit_action, *s, "parcel=" + std::to_string(parcel_id));
        auto rx = prescriptions_.find(s->prescription_id);
        status = ParcelStatus{*s, *p, std::move(custody), rx ? rx->status : ""};
    });
    return std::move(*status);
}

ParcelStatus ShippingService::recordEvent(std::int64_t parcel_id, dispatch::CustodyEvent event,
                                          const std::optional<std::string>& signature_png,
                                          const auth::Caller& caller) {
    switch (event.kind) {
        case CustodyEventKind::Packed:
            if (!isPharmacyStaff(caller.principal))
                throw Error(ErrorKind::Forbidden, "forbidden", "梱包の記録は薬局の職員が行います");
            break;
        case CustodyEventKind::HandedToCarrier:
        case CustodyEventKind::OutWithStaff:
        case CustodyEventKind::Delivered:
        case CustodyEventKind::Failed:
        case CustodyEventKind::ReturnedToPharmacy:
            break;
        default:
            throw Error(ErrorKind::BadRequest, "invalid_field",
                        "kind は packed・handed_to_carrier・out_with_staff・delivered・failed・"
                        "returned のいずれかです",
                        "kind");
    }
    if (signature_png) {
        static constexpr std::string_view kPngMagic = "\x89PNG\r\n\x1a\n";
        if (signature_png->size() < kPngMagic.size() || !signature_png->starts_with(kPngMagic))
            throw Error(ErrorKind::BadRequest, "invalid_field", "署名は PNG 画像です", "signature");
        // Content-addressed, so a retried request stores nothing twice; written before the
        // row that names it.
        event.signature_ref = blobs_.put(*signature_png);
    }
    const std::string action = "parcel." + std::string(dispatch::custodyEventKindName(event.kind));
    return append(parcel_id, std::move(event), caller, action);
}

ParcelStatus ShippingService::confirmReceipt(std::int64_t parcel_id,
                                             dispatch::ConfirmationMethod method,
                                             const std::string& note, const auth::Caller& caller) {
    dispatch::CustodyEvent event;
    event.kind = CustodyEventKind::ReceiptConfirmed;
    event.confirmation = method;
    event.note = note;
    return append(parcel_id, std::move(event), caller, "parcel.receipt_confirmed");
}

ParcelStatus ShippingService::recordTemperatures(
    std::int64_t parcel_id,
    const std::vector<std::pair<std::optional<TimePoint>, double>>& readings,
    const auth::Caller& caller) {
    if (readings.empty())
        throw Error(ErrorKind::BadRequest, "missing_field", "温度の記録がありません", "readings");
    std::optional<ParcelStatus> status;
    tx_.write([&] {
        for (const auto& [at, celsius] : readings) {
            dispatch::CustodyEvent event;
            event.kind = CustodyEventKind::TemperatureReading;
            event.at = at.value_or(clock_.now());
            event.celsius = celsius;
            status = append(parcel_id, std::move(event), caller, "parcel.temperature_reading");
        }
    });
    return std::move(*status);
}

ParcelStatus ShippingService::decide(std::int64_t parcel_id, dispatch::ExcursionDecision decision,
                                     const std::string& note, const auth::Caller& caller) {
    dispatch::CustodyEvent event;
    event.kind = CustodyEventKind::PharmacistDecision;
    event.decision = decision;
    event.note = note;
    return append(parcel_id, std::move(event), caller, "parcel.pharmacist_decision");
}

std::vector<UnconfirmedParcel> ShippingService::unconfirmed(const auth::Caller& caller) {
    std::vector<UnconfirmedParcel> out;
    tx_.read([&] {
        std::vector<ShipmentRecord> list = shipments_.listAwaitingReceipt();
        std::vector<dispatch::ParcelCustody> custodies;
        std::map<std::string, std::pair<const ShipmentRecord*, const ParcelRecord*>> by_id;
        for (const auto& s : list) {
            for (const auto& p : s.parcels) {
                if (!dispatch::isCarrierMethod(p.method)) continue;
                custodies.push_back(custodyOf(p));
                by_id[std::to_string(p.id)] = {&s, &p};
            }
        }
        auto due = dispatch::listUnconfirmedDeliveries(
            custodies, clock_.now(), std::chrono::hours(settings_.receipt_follow_up_hours));
        for (auto& d : due) {
            auto [s, p] = by_id.at(d.parcel_id);
            out.push_back({*s, *p, d});
        }
    });
    audit_.record(audit::AuditEvent{caller.principal.actor(), "parcel.list_unconfirmed", "parcel",
                                    "", std::nullopt, caller.remote_addr, "ok",
                                    "count=" + std::to_string(out.size())});
    return out;
}

}  // namespace rxdesk::shipping
