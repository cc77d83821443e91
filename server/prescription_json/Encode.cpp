#include <Poco/JSON/Array.h>

#include "prescription_json/Codes.h"
#include "prescription_json/PrescriptionJson.h"

namespace rxdesk::prescription_json {
namespace {

using namespace rxdesk::prescription;
using Poco::JSON::Array;
using Poco::JSON::Object;

// Key order follows the documentation so that responses read top-down.
Object::Ptr newObject() {
    return new Object(Poco::JSON_PRESERVE_KEY_ORDER);
}

void setText(Object& o, const std::string& key, const std::string& value) {
    if (!value.empty()) o.set(key, value);
}

void setInt(Object& o, const std::string& key, const std::optional<int>& value) {
    if (value) o.set(key, *value);
}

void setBool(Object& o, const std::string& key, const std::optional<bool>& value) {
    if (value) o.set(key, *value);
}

void setDate(Object& o, const std::string& key, const std::optional<Date>& value) {
    if (value) o.set(key, formatDate(*value));
}

// Fixed JAHIS slots become an array without the trailing empty ones.
template <std::size_t N>
Array::Ptr slotArray(const std::array<std::string, N>& slots) {
    std::size_t used = N;
    while (used > 0 && slots[used - 1].empty()) --used;
    Array::Ptr array = new Array;
    for (std::size_t i = 0; i < used; ++i) array->add(slots[i]);
    return array;
}

Object::Ptr encodePatient(const Patient& p) {
    Object::Ptr o = newObject();
    setText(*o, "code", p.code);
    setText(*o, "name_kanji", p.kanji);
    setText(*o, "name_kana", p.kana);
    const std::string_view sex = sexName(p.sex);
    if (!sex.empty()) o->set("sex", std::string(sex));
    setDate(*o, "birth_date", p.birth_date);
    setInt(*o, "copay_class", p.copay_class);
    return o;
}

Object::Ptr encodePrescriber(const Prescriber& p, const Institution& i) {
    Object::Ptr o = newObject();
    setText(*o, "code", p.code);
    setText(*o, "name_kanji", p.kanji);
    setText(*o, "name_kana", p.kana);
    setText(*o, "department", i.department);
    setText(*o, "department_code", i.department_code);
    setInt(*o, "department_code_type", i.department_code_type);
    return o;
}

Object::Ptr encodeInstitution(const Institution& i) {
    Object::Ptr o = newObject();
    setText(*o, "code", i.code);
    setInt(*o, "code_type", i.code_type);
    setText(*o, "prefecture", i.prefecture);
    setText(*o, "name", i.name);
    setText(*o, "postcode", i.postcode);
    setText(*o, "address", i.address);
    setText(*o, "phone", i.phone);
    setText(*o, "fax", i.fax);
    setText(*o, "other_contact", i.other_contact);
    return o;
}

Object::Ptr encodeInsurance(const Insurance& ins) {
    Object::Ptr o = newObject();
    setInt(*o, "type", ins.type);
    setText(*o, "insurer_number", ins.insurer_number);
    setText(*o, "card_symbol", ins.card_symbol);
    setText(*o, "card_number", ins.card_number);
    setInt(*o, "insured_kind", ins.insured_kind);
    setText(*o, "branch", ins.branch);
    setInt(*o, "copay_rate", ins.copay_rate);
    setInt(*o, "benefit_rate", ins.benefit_rate);
    setInt(*o, "work_related", ins.work_related);
    if (!ins.public_funding.empty()) {
        Array::Ptr funding = new Array;
        for (const PublicFunding& f : ins.public_funding) {
            Object::Ptr fo = newObject();
            fo->set("slot", std::string(fundingSlotName(f.slot)));
            setText(*fo, "payer", f.payer);
            setText(*fo, "recipient", f.recipient);
            funding->add(fo);
        }
        o->set("public_funding", funding);
    }
    setText(*o, "receipt_type", ins.receipt_type);
    return o;
}

Object::Ptr encodeUsage(const Usage& u) {
    Object::Ptr o = newObject();
    setInt(*o, "code_type", u.code_type);
    setText(*o, "code", u.code);
    setText(*o, "text", u.text);
    setInt(*o, "times_per_day", u.times_per_day);
    return o;
}

Object::Ptr encodeItem(const DrugItem& item) {
    Object::Ptr o = newObject();
    o->set("seq", item.seq);
    setInt(*o, "info_class", item.info_class);
    o->set("code_system", std::string(drugCodeSystemName(item.code_system)));
    setText(*o, "code", item.code);
    setText(*o, "name", item.name);
    // Amounts stay text: "0.5" must not become 0.49999… in a client's float parser.
    setText(*o, "amount", item.amount);
    setInt(*o, "potency_flag", item.potency_flag);
    setText(*o, "unit", item.unit);
    setText(*o, "unit_conversion", item.unit_conversion);
    if (item.uneven) {
        Object::Ptr uneven = newObject();
        Array::Ptr doses = slotArray(item.uneven->doses);
        Array::Ptr codes = slotArray(item.uneven->codes);
        if (doses->size() > 0) uneven->set("doses", doses);
        if (codes->size() > 0) uneven->set("codes", codes);
        o->set("uneven", uneven);
    }
    if (item.funding_burden) o->set("funding_burden", slotArray(*item.funding_burden));
    if (item.single_dose) {
        Object::Ptr dose = newObject();
        setText(*dose, "amount", item.single_dose->amount);
        setInt(*dose, "times_per_day", item.single_dose->times_per_day);
        o->set("single_dose", dose);
    }
    if (!item.supplements.empty()) {
        Array::Ptr supplements = new Array;
        for (const DrugSupplement& s : item.supplements) {
            Object::Ptr so = newObject();
            so->set("seq", s.seq);
            setInt(*so, "kind", s.kind);
            setText(*so, "text", s.text);
            setText(*so, "code", s.code);
            supplements->add(so);
        }
        o->set("supplements", supplements);
    }
    return o;
}

Object::Ptr encodeRp(const RpGroup& rp) {
    Object::Ptr o = newObject();
    o->set("rp_no", rp.rp_no);
    o->set("form", std::string(dosageFormName(rp.form)));
    setText(*o, "form_name", rp.form_name);
    if (rp.quantity != 0) o->set(rp.quantityIsDays() ? "days" : "quantity", rp.quantity);
    if (rp.split) {
        Object::Ptr split = newObject();
        split->set("per_split", rp.split->per_split);
        split->set("total", rp.split->total);
        o->set("split", split);
    }
    o->set("usage", encodeUsage(rp.usage));
    if (!rp.usage_supplements.empty()) {
        Array::Ptr supplements = new Array;
        for (const UsageSupplement& s : rp.usage_supplements) {
            Object::Ptr so = newObject();
            so->set("seq", s.seq);
            setInt(*so, "kind", s.kind);
            setText(*so, "text", s.text);
            setText(*so, "usage_code", s.usage_code);
            setText(*so, "body_part_code", s.body_part_code);
            supplements->add(so);
        }
        o->set("usage_supplements", supplements);
    }
    Array::Ptr items = new Array;
    for (const DrugItem& item : rp.items) items->add(encodeItem(item));
    o->set("items", items);
    return o;
}

std::size_t itemCount(const Prescription& p) {
    std::size_t n = 0;
    for (const RpGroup& rp : p.rps) n += rp.items.size();
    return n;
}

}  // namespace

Object encodePrescription(const Prescription& p) {
    Object o(Poco::JSON_PRESERVE_KEY_ORDER);
    o.set("patient", encodePatient(p.patient));
    o.set("prescriber", encodePrescriber(p.prescriber, p.institution));
    o.set("institution", encodeInstitution(p.institution));
    if (p.insurance != Insurance{}) o.set("insurance", encodeInsurance(p.insurance));
    setDate(o, "issue_date", p.issue_date);
    setDate(o, "use_by_date", p.use_by_date);
    if (p.narcotic) {
        Object::Ptr narcotic = newObject();
        setText(*narcotic, "licence_no", p.narcotic->licence_no);
        setText(*narcotic, "patient_address", p.narcotic->patient_address);
        setText(*narcotic, "patient_phone", p.narcotic->patient_phone);
        o.set("narcotic", narcotic);
    }
    setInt(o, "leftover_instruction", p.leftover_instruction);
    if (p.split_dispensing) {
        Object::Ptr split = newObject();
        split->set("count", p.split_dispensing->count);
        split->set("index", p.split_dispensing->index);
        o.set("split_dispensing", split);
    }
    setInt(o, "refill_count", p.refill_count);
    if (!p.remarks.empty()) {
        Array::Ptr remarks = new Array;
        for (const Remark& remark : p.remarks) {
            Object::Ptr ro = newObject();
            ro->set("seq", remark.seq);
            setInt(*ro, "kind", remark.kind);
            setText(*ro, "text", remark.text);
            remarks->add(ro);
        }
        o.set("remarks", remarks);
    }
    setInt(o, "prescription_number_kind", p.prescription_number_kind);
    setText(o, "prescription_number", p.prescription_number);
    if (p.online != OnlineConsultation{}) {
        Object::Ptr online = newObject();
        setBool(*online, "initial_visit", p.online.initial_visit);
        setBool(*online, "underlying_conditions_known", p.online.underlying_conditions_known);
        o.set("online", online);
    }
    Array::Ptr rps = new Array;
    for (const RpGroup& rp : p.rps) rps->add(encodeRp(rp));
    o.set("rps", rps);
    return o;
}

Object encodeSummary(const Prescription& p) {
    Object o(Poco::JSON_PRESERVE_KEY_ORDER);
    setText(o, "patient_name", p.patient.kanji.empty() ? p.patient.kana : p.patient.kanji);
    setText(o, "patient_name_kana", p.patient.kana);
    setDate(o, "birth_date", p.patient.birth_date);
    const std::string_view sex = sexName(p.patient.sex);
    if (!sex.empty()) o.set("sex", std::string(sex));
    setText(o, "institution_code", p.institution.code);
    setText(o, "institution_name", p.institution.name);
    setDate(o, "issue_date", p.issue_date);
    o.set("rp_count", static_cast<int>(p.rps.size()));
    o.set("item_count", static_cast<int>(itemCount(p)));
    return o;
}

}  // namespace rxdesk::prescription_json
