#include "store/SqliteShipmentRepository.h"

#include <SQLiteCpp/Statement.h>

#include "core/Error.h"
#include "core/TokyoTime.h"
#include "shipping/LabelMarks.h"
#include "store/SqliteErrors.h"

namespace rxdesk::store {
namespace {

using shipping::ParcelRecord;
using shipping::ShipmentRecord;

constexpr const char* kShipmentColumns =
    "id, prescription_id, patient_ref, method, time_slot, cash_on_delivery, recipient_name, "
    "recipient_postcode, recipient_address, recipient_phone, country, ship_date, created_at, "
    "created_by";

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

dispatch::NoteKind parseNoteKind(const std::string& s) {
    if (s == "signature") return dispatch::NoteKind::Signature;
    if (s == "identity_check") return dispatch::NoteKind::IdentityCheck;
    if (s == "no_leave_at_door") return dispatch::NoteKind::NoLeaveAtDoor;
    return dispatch::NoteKind::Text;
}

std::vector<std::string> split(const std::string& text, char sep) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find(sep, start);
        if (end == std::string::npos) end = text.size();
        out.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

// The notes as stored: one "kind<TAB>rule_id<TAB>text" line each (rule texts hold no tabs
// or line breaks: the rules table is CSV without quoted line breaks).
std::string encodeNotes(const ParcelRecord& p) {
    std::string out;
    for (const auto& n : p.notes) {
        if (!out.empty()) out += "\n";
        out += noteKindName(n.kind) + "\t" + n.rule_id + "\t" + n.text;
    }
    return out;
}

std::vector<dispatch::ParcelNote> decodeNotes(const std::string& text, dispatch::DeliveryMethod m) {
    std::vector<dispatch::ParcelNote> out;
    for (const auto& line : split(text, '\n')) {
        auto fields = split(line, '\t');
        if (fields.size() != 3) continue;
        out.push_back({fields[1], parseNoteKind(fields[0]), fields[2], {m}});
    }
    return out;
}

std::string encodeMarks(const ParcelRecord& p) {
    std::string out;
    for (auto m : p.marks)
        out += (out.empty() ? "" : " ") + std::string(shipping::handlingMarkName(m));
    return out;
}

std::vector<labels::HandlingMark> decodeMarks(const std::string& text) {
    std::vector<labels::HandlingMark> out;
    for (const auto& name : split(text, ' ')) {
        if (auto m = shipping::parseHandlingMarkName(name)) out.push_back(*m);
    }
    return out;
}

dispatch::ParcelTemperature parseTemperature(const std::string& s) {
    if (s == "chilled") return dispatch::ParcelTemperature::Chilled;
    if (s == "frozen") return dispatch::ParcelTemperature::Frozen;
    return dispatch::ParcelTemperature::Room;
}

ShipmentRecord rowToShipment(SQLite::Statement& q) {
    ShipmentRecord s;
    s.id = q.getColumn(0).getInt64();
    s.prescription_id = q.getColumn(1).getInt64();
    s.patient_ref = q.getColumn(2).getString();
    s.method = q.getColumn(3).getString();
    s.time_slot = q.getColumn(4).getString();
    if (!q.getColumn(5).isNull()) s.cash_on_delivery = q.getColumn(5).getInt64();
    s.recipient.name = q.getColumn(6).getString();
    s.recipient.postcode = q.getColumn(7).getString();
    s.recipient.address = q.getColumn(8).getString();
    s.recipient.phone = q.getColumn(9).getString();
    s.recipient.country = q.getColumn(10).getString();
    s.ship_date = q.getColumn(11).getString();
    s.created_at = q.getColumn(12).getInt64();
    s.created_by = q.getColumn(13).getString();
    return s;
}

std::string optionalName(std::string_view name) {
    return std::string(name);
}

}  // namespace

std::int64_t SqliteShipmentRepository::insert(ShipmentRecord& s) {
    auto& c = db_.connection();
    SQLite::Statement q(c,
                        "INSERT INTO shipments (prescription_id, patient_ref, method, time_slot, "
                        "cash_on_delivery, recipient_name, recipient_postcode, recipient_address, "
                        "recipient_phone, country, ship_date, created_at, created_by) VALUES "
                        "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    q.bind(1, s.prescription_id);
    q.bind(2, s.patient_ref);
    q.bind(3, s.method);
    q.bind(4, s.time_slot);
    if (s.cash_on_delivery) q.bind(5, *s.cash_on_delivery);
    q.bind(6, s.recipient.name);
    q.bind(7, s.recipient.postcode);
    q.bind(8, s.recipient.address);
    q.bind(9, s.recipient.phone);
    q.bind(10, s.recipient.country);
    q.bind(11, s.ship_date);
    q.bind(12, s.created_at);
    q.bind(13, s.created_by);
    q.exec();
    s.id = c.getLastInsertRowid();
    for (auto& p : s.parcels) {
        p.shipment_id = s.id;
        SQLite::Statement pq(c,
                             "INSERT INTO parcels (shipment_id, seq, parcel_number, method, "
                             "temperature, needs_signature, needs_identity, marks, notes, "
                             "b2_handling, b2_remarks) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        pq.bind(1, s.id);
        pq.bind(2, p.seq);
        pq.bind(3, p.parcel_number);
        pq.bind(4, optionalName(dispatch::deliveryMethodName(p.method)));
        pq.bind(5, optionalName(dispatch::parcelTemperatureName(p.temperature)));
        pq.bind(6, p.needs_signature ? 1 : 0);
        pq.bind(7, p.needs_identity_check ? 1 : 0);
        pq.bind(8, encodeMarks(p));
        pq.bind(9, encodeNotes(p));
        pq.bind(10, p.b2_handling);
        pq.bind(11, p.b2_remarks);
        try {
            pq.exec();
        } catch (const SQLite::Exception& e) {
            if (isUniqueViolation(e))
                throw Error(ErrorKind::Conflict, "parcel_number_taken", "荷物番号が重複しました");
            throw;
        }
        p.id = c.getLastInsertRowid();
        int seq = 0;
        for (const auto& item : p.items) {
            SQLite::Statement iq(c,
                                 "INSERT INTO parcel_items (parcel_id, seq, name, amount, usage, "
                                 "storage, claims_code) VALUES (?, ?, ?, ?, ?, ?, ?)");
            iq.bind(1, p.id);
            iq.bind(2, ++seq);
            iq.bind(3, item.name);
            iq.bind(4, item.amount);
            iq.bind(5, item.usage);
            iq.bind(6, item.storage);
            iq.bind(7, item.claims_code);
            iq.exec();
        }
    }
    return s.id;
}

void SqliteShipmentRepository::loadParcels(ShipmentRecord& s) {
    auto& c = db_.connection();
    SQLite::Statement q(c,
                        "SELECT id, seq, parcel_number, method, temperature, needs_signature, "
                        "needs_identity, marks, notes, b2_handling, b2_remarks FROM parcels "
                        "WHERE shipment_id = ? ORDER BY seq");
    q.bind(1, s.id);
    while (q.executeStep()) {
        ParcelRecord p;
        p.id = q.getColumn(0).getInt64();
        p.shipment_id = s.id;
        p.seq = q.getColumn(1).getInt();
        p.parcel_number = q.getColumn(2).getString();
        p.method = dispatch::parseDeliveryMethod(q.getColumn(3).getString())
                       .value_or(dispatch::DeliveryMethod::CarrierNormal);
        p.temperature = parseTemperature(q.getColumn(4).getString());
        p.needs_signature = q.getColumn(5).getInt() != 0;
        p.needs_identity_check = q.getColumn(6).getInt() != 0;
        p.marks = decodeMarks(q.getColumn(7).getString());
        p.notes = decodeNotes(q.getColumn(8).getString(), p.method);
        p.b2_handling = q.getColumn(9).getString();
        p.b2_remarks = q.getColumn(10).getString();
        SQLite::Statement iq(c,
                             "SELECT name, amount, usage, storage, COALESCE(claims_code, '') "
                             "FROM parcel_items WHERE parcel_id = ? ORDER BY seq");
        iq.bind(1, p.id);
        while (iq.executeStep()) {
            p.items.push_back({iq.getColumn(0).getString(), iq.getColumn(1).getString(),
                               iq.getColumn(2).getString(), iq.getColumn(3).getString(),
                               iq.getColumn(4).getString()});
        }
        s.parcels.push_back(std::move(p));
    }
}

std::vector<ShipmentRecord> SqliteShipmentRepository::findAll(const std::string& where_sql,
                                                              const std::string& value) {
    SQLite::Statement q(db_.connection(), std::string("SELECT ") + kShipmentColumns +
                                              " FROM shipments WHERE " + where_sql +
                                              " ORDER BY id");
    if (!value.empty()) q.bind(1, value);
    std::vector<ShipmentRecord> out;
    while (q.executeStep()) out.push_back(rowToShipment(q));
    for (auto& s : out) loadParcels(s);
    return out;
}

std::optional<ShipmentRecord> SqliteShipmentRepository::find(std::int64_t id) {
    auto found = findAll("id = ?", std::to_string(id));
    if (found.empty()) return std::nullopt;
    return std::move(found.front());
}

bool SqliteShipmentRepository::parcelNumberTaken(const std::string& parcel_number) {
    SQLite::Statement q(db_.connection(), "SELECT 1 FROM parcels WHERE parcel_number = ?");
    q.bind(1, parcel_number);
    return q.executeStep();
}

std::optional<ShipmentRecord> SqliteShipmentRepository::findByParcelId(std::int64_t parcel_id) {
    auto found =
        findAll("id = (SELECT shipment_id FROM parcels WHERE id = ?)", std::to_string(parcel_id));
    if (found.empty()) return std::nullopt;
    return std::move(found.front());
}

std::optional<ShipmentRecord> SqliteShipmentRepository::findByParcelNumber(
    const std::string& parcel_number) {
    auto found =
        findAll("id = (SELECT shipment_id FROM parcels WHERE parcel_number = ?)", parcel_number);
    if (found.empty()) return std::nullopt;
    return std::move(found.front());
}

std::vector<ShipmentRecord> SqliteShipmentRepository::listByShipDate(const std::string& date) {
    return findAll("ship_date = ?", date);
}

std::vector<ShipmentRecord> SqliteShipmentRepository::listAwaitingReceipt() {
    return findAll(
        "id IN (SELECT p.shipment_id FROM parcels p WHERE p.method LIKE 'carrier%' AND "
        "EXISTS (SELECT 1 FROM parcel_events e WHERE e.parcel_id = p.id AND "
        "e.kind = 'handed_to_carrier') AND NOT EXISTS (SELECT 1 FROM parcel_events e WHERE "
        "e.parcel_id = p.id AND e.kind IN ('receipt_confirmed', 'failed')))",
        "");
}

std::int64_t SqliteShipmentRepository::appendEvent(std::int64_t parcel_id,
                                                   const dispatch::CustodyEvent& e) {
    auto& c = db_.connection();
    SQLite::Statement q(c,
                        "INSERT INTO parcel_events (parcel_id, kind, at, actor, recipient_name, "
                        "identity_check, signature_blob, failure_reason, confirmation, celsius, "
                        "decision, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    q.bind(1, parcel_id);
    q.bind(2, std::string(dispatch::custodyEventKindName(e.kind)));
    q.bind(3, unixSeconds(e.at));
    q.bind(4, e.actor);
    q.bind(5, e.recipient_name);
    q.bind(6, std::string(dispatch::identityCheckMethodName(e.identity_check)));
    q.bind(7, e.signature_ref);
    q.bind(8, e.failure_reason);
    q.bind(9, e.confirmation ? std::string(dispatch::confirmationMethodName(*e.confirmation)) : "");
    if (e.kind == dispatch::CustodyEventKind::TemperatureReading) q.bind(10, e.celsius);
    q.bind(11, e.decision ? std::string(dispatch::excursionDecisionName(*e.decision)) : "");
    q.bind(12, e.note);
    q.exec();
    return c.getLastInsertRowid();
}

std::vector<shipping::StoredCustodyEvent> SqliteShipmentRepository::events(std::int64_t parcel_id) {
    SQLite::Statement q(db_.connection(),
                        "SELECT id, kind, at, actor, recipient_name, identity_check, "
                        "signature_blob, failure_reason, confirmation, celsius, decision, note "
                        "FROM parcel_events WHERE parcel_id = ? ORDER BY id");
    q.bind(1, parcel_id);
    std::vector<shipping::StoredCustodyEvent> out;
    while (q.executeStep()) {
        shipping::StoredCustodyEvent s;
        s.id = q.getColumn(0).getInt64();
        auto& e = s.event;
        e.kind = dispatch::parseCustodyEventKind(q.getColumn(1).getString())
                     .value_or(dispatch::CustodyEventKind::Packed);
        e.at = fromUnixSeconds(q.getColumn(2).getInt64());
        e.actor = q.getColumn(3).getString();
        e.recipient_name = q.getColumn(4).getString();
        e.identity_check = dispatch::parseIdentityCheckMethod(q.getColumn(5).getString())
                               .value_or(dispatch::IdentityCheckMethod::None);
        e.signature_ref = q.getColumn(6).getString();
        e.failure_reason = q.getColumn(7).getString();
        e.confirmation = dispatch::parseConfirmationMethod(q.getColumn(8).getString());
        if (!q.getColumn(9).isNull()) e.celsius = q.getColumn(9).getDouble();
        e.decision = dispatch::parseExcursionDecision(q.getColumn(10).getString());
        e.note = q.getColumn(11).getString();
        out.push_back(std::move(s));
    }
    return out;
}

}  // namespace rxdesk::store
