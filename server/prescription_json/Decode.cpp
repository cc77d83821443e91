#include <set>

#include "prescription_json/Codes.h"
#include "prescription_json/Limits.h"
#include "prescription_json/ObjectReader.h"
#include "prescription_json/PrescriptionJson.h"

namespace rxdesk::prescription_json {
namespace {

using namespace rxdesk::prescription;

// Runs `decode(element, path, index)` over the elements of an optional array.
template <typename T, typename Decode>
std::vector<T> decodeArray(const ObjectReader& r, std::string_view key, std::size_t max_items,
                           Decode decode) {
    std::vector<T> out;
    const Poco::JSON::Array* array = r.optionalArray(key, max_items);
    if (!array) return out;
    const std::string path = r.pathOf(key);
    for (std::size_t i = 0; i < array->size(); ++i) {
        out.push_back(decode(array->get(static_cast<unsigned>(i)), elementPath(path, i), i));
    }
    return out;
}

const Poco::JSON::Object& requireObjectValue(const Poco::Dynamic::Var& v, const std::string& path) {
    if (v.isEmpty()) throw missingField(path);
    const auto* object = asObject(v);
    if (!object) throw invalidField(path, "オブジェクトではありません");
    return *object;
}

// Sequence numbers default to the 1-based position and must be unique in their list.
template <typename T>
void checkUniqueSeq(const std::vector<T>& elements, const std::string& list_path) {
    std::set<int> seen;
    for (std::size_t i = 0; i < elements.size(); ++i) {
        if (!seen.insert(elements[i].seq).second)
            throw invalidField(elementPath(list_path, i) + ".seq", "seq が重複しています");
    }
}

void checkAsciiCode(const ObjectReader& r, std::string_view key, const std::string& value,
                    std::size_t max) {
    if (!value.empty() && !isAsciiCode(value, max))
        throw invalidField(r.pathOf(key),
                           "英数字と - _ . で " + std::to_string(max) + " 文字までにしてください");
}

void checkPhone(const ObjectReader& r, std::string_view key, const std::string& value) {
    if (!value.empty() && !isPhoneNumber(value))
        throw invalidField(r.pathOf(key), "電話番号は半角数字と - + ( ) で書いてください");
}

Patient decodePatient(const Poco::JSON::Object& o, const std::string& path) {
    ObjectReader r(o, path,
                   {"code", "name_kanji", "name_kana", "sex", "birth_date", "copay_class"});
    Patient p;
    p.code = r.optionalText("code", kMaxCodeLength);
    checkAsciiCode(r, "code", p.code, kMaxCodeLength);
    p.kanji = r.requiredText("name_kanji", kMaxNameLength);
    p.kana = r.optionalText("name_kana", kMaxNameLength);
    const std::string sex = r.optionalText("sex", 10);
    if (!sex.empty()) {
        auto parsed = sexFromName(sex);
        if (!parsed)
            throw invalidField(r.pathOf("sex"),
                               "使用できない値です（" + std::string(kSexNames) + "）");
        p.sex = *parsed;
    }
    p.birth_date = r.requiredDate("birth_date");
    p.copay_class = r.optionalInt("copay_class", 1, 9);
    return p;
}

// The department lives with the institution in the model (JAHIS record 4); in JSON it
// sits with the prescriber, where a clinic developer looks for it.
Prescriber decodePrescriber(const Poco::JSON::Object& o, const std::string& path,
                            Institution& institution) {
    ObjectReader r(o, path,
                   {"code", "name_kanji", "name_kana", "department", "department_code",
                    "department_code_type"});
    Prescriber p;
    p.code = r.optionalText("code", kMaxCodeLength);
    checkAsciiCode(r, "code", p.code, kMaxCodeLength);
    p.kanji = r.requiredText("name_kanji", kMaxNameLength);
    p.kana = r.optionalText("name_kana", kMaxNameLength);
    institution.department = r.optionalText("department", kMaxShortTextLength);
    institution.department_code = r.optionalText("department_code", kMaxCodeLength);
    checkAsciiCode(r, "department_code", institution.department_code, kMaxCodeLength);
    institution.department_code_type = r.optionalInt("department_code_type", 1, 9);
    return p;
}

void decodeInstitution(const Poco::JSON::Object& o, const std::string& path, Institution& i) {
    ObjectReader r(o, path,
                   {"code", "code_type", "prefecture", "name", "postcode", "address", "phone",
                    "fax", "other_contact"});
    i.code = r.requiredText("code", 10);
    if (!isDigits(i.code, 7, 7) && !isDigits(i.code, 10, 10))
        throw invalidField(r.pathOf("code"), "医療機関コードは数字 7 桁または 10 桁です");
    i.code_type = r.optionalInt("code_type", 1, 9);
    i.prefecture = r.optionalText("prefecture", 2);
    if (!i.prefecture.empty() &&
        (!isDigits(i.prefecture, 2, 2) || i.prefecture < "01" || i.prefecture > "47"))
        throw invalidField(r.pathOf("prefecture"), "都道府県番号は 01〜47 の 2 桁です");
    i.name = r.requiredText("name", kMaxNameLength);
    i.postcode = r.optionalText("postcode", 8);
    if (!i.postcode.empty() && !isPostcode(i.postcode))
        throw invalidField(r.pathOf("postcode"), "郵便番号は NNN-NNNN の形にしてください");
    i.address = r.optionalText("address", kMaxAddressLength);
    i.phone = r.optionalText("phone", kMaxShortTextLength);
    checkPhone(r, "phone", i.phone);
    i.fax = r.optionalText("fax", kMaxShortTextLength);
    checkPhone(r, "fax", i.fax);
    i.other_contact = r.optionalText("other_contact", kMaxNameLength);
}

PublicFunding decodePublicFunding(const Poco::Dynamic::Var& v, const std::string& path,
                                  std::size_t) {
    ObjectReader r(requireObjectValue(v, path), path, {"slot", "payer", "recipient"});
    PublicFunding f;
    const std::string slot = r.requiredText("slot", 10);
    auto parsed = fundingSlotFromName(slot);
    if (!parsed)
        throw invalidField(r.pathOf("slot"),
                           "使用できない値です（" + std::string(kFundingSlotNames) + "）");
    f.slot = *parsed;
    f.payer = r.requiredText("payer", kMaxCodeLength);
    f.recipient = r.optionalText("recipient", kMaxCodeLength);
    return f;
}

Insurance decodeInsurance(const Poco::JSON::Object& o, const std::string& path) {
    ObjectReader r(
        o, path,
        {"type", "insurer_number", "card_symbol", "card_number", "insured_kind", "branch",
         "copay_rate", "benefit_rate", "work_related", "public_funding", "receipt_type"});
    Insurance ins;
    ins.type = r.optionalInt("type", 1, 9);
    ins.insurer_number = r.optionalText("insurer_number", 8);
    if (!ins.insurer_number.empty() && !isDigits(ins.insurer_number, 6, 8))
        throw invalidField(r.pathOf("insurer_number"), "保険者番号は数字 6〜8 桁です");
    ins.card_symbol = r.optionalText("card_symbol", kMaxShortTextLength);
    ins.card_number = r.optionalText("card_number", kMaxShortTextLength);
    ins.insured_kind = r.optionalInt("insured_kind", 1, 2);
    ins.branch = r.optionalText("branch", 2);
    if (!ins.branch.empty() && !isDigits(ins.branch, 1, 2))
        throw invalidField(r.pathOf("branch"), "枝番は数字 2 桁までです");
    ins.copay_rate = r.optionalInt("copay_rate", 0, 100);
    ins.benefit_rate = r.optionalInt("benefit_rate", 0, 100);
    ins.work_related = r.optionalInt("work_related", 1, 9);
    ins.public_funding =
        decodeArray<PublicFunding>(r, "public_funding", kMaxPublicFunding, decodePublicFunding);
    std::set<FundingSlot> slots;
    for (std::size_t i = 0; i < ins.public_funding.size(); ++i) {
        if (!slots.insert(ins.public_funding[i].slot).second)
            throw invalidField(elementPath(r.pathOf("public_funding"), i) + ".slot",
                               "同じ slot が重複しています");
    }
    ins.receipt_type = r.optionalText("receipt_type", 4);
    if (!ins.receipt_type.empty() && !isDigits(ins.receipt_type, 1, 4))
        throw invalidField(r.pathOf("receipt_type"), "レセプト種別は数字 4 桁までです");
    return ins;
}

// A remark is either {"seq", "kind", "text"} or just its text.
Remark decodeRemark(const Poco::Dynamic::Var& v, const std::string& path, std::size_t index) {
    Remark remark;
    remark.seq = static_cast<int>(index) + 1;
    if (v.type() == typeid(std::string)) {
        remark.text = textValue(v, path, kMaxTextLength);
        if (remark.text.empty()) throw missingField(path);
        return remark;
    }
    if (v.isEmpty()) throw missingField(path);
    const auto* object = asObject(v);
    if (!object) throw invalidField(path, "文字列またはオブジェクトにしてください");
    ObjectReader r(*object, path, {"seq", "kind", "text"});
    remark.seq = r.optionalInt("seq", 1, kMaxSeq).value_or(remark.seq);
    remark.kind = r.optionalInt("kind", 1, 99);
    remark.text = r.requiredText("text", kMaxTextLength);
    return remark;
}

NarcoticInfo decodeNarcotic(const Poco::JSON::Object& o, const std::string& path) {
    ObjectReader r(o, path, {"licence_no", "patient_address", "patient_phone"});
    NarcoticInfo n;
    n.licence_no = r.requiredText("licence_no", kMaxCodeLength);
    n.patient_address = r.optionalText("patient_address", kMaxAddressLength);
    n.patient_phone = r.optionalText("patient_phone", kMaxShortTextLength);
    checkPhone(r, "patient_phone", n.patient_phone);
    return n;
}

OnlineConsultation decodeOnline(const Poco::JSON::Object& o, const std::string& path) {
    ObjectReader r(o, path, {"initial_visit", "underlying_conditions_known"});
    OnlineConsultation online;
    online.initial_visit = r.optionalBool("initial_visit");
    online.underlying_conditions_known = r.optionalBool("underlying_conditions_known");
    return online;
}

Usage decodeUsage(const Poco::JSON::Object& o, const std::string& path) {
    ObjectReader r(o, path, {"code_type", "code", "text", "times_per_day"});
    Usage u;
    u.code_type = r.optionalInt("code_type", 1, 9);
    u.code = r.optionalText("code", kMaxCodeLength);
    if (!u.code.empty()) {
        if (!u.code_type)
            throw invalidField(r.pathOf("code"),
                               "code を指定するときは code_type も指定してください");
        if (*u.code_type == 1)
            throw invalidField(r.pathOf("code"),
                               "code_type 1（コードなし）では code を指定できません");
        if (*u.code_type == 2 && (u.code.size() != 16 || !isAsciiCode(u.code, 16)))
            throw invalidField(r.pathOf("code"),
                               "JAMI 標準用法コード（code_type 2）は英数字 16 文字です");
        checkAsciiCode(r, "code", u.code, kMaxCodeLength);
    } else if (u.code_type && *u.code_type == 2) {
        throw missingField(r.pathOf("code"));
    }
    u.text = r.requiredText("text", kMaxTextLength);
    u.times_per_day = r.optionalInt("times_per_day", 1, kMaxTimesPerDay);
    return u;
}

UsageSupplement decodeUsageSupplement(const Poco::Dynamic::Var& v, const std::string& path,
                                      std::size_t index) {
    ObjectReader r(requireObjectValue(v, path), path,
                   {"seq", "kind", "text", "usage_code", "body_part_code"});
    UsageSupplement s;
    s.seq = r.optionalInt("seq", 1, kMaxSeq).value_or(static_cast<int>(index) + 1);
    s.kind = r.optionalInt("kind", 1, 99);
    s.text = r.requiredText("text", kMaxTextLength);
    s.usage_code = r.optionalText("usage_code", kMaxCodeLength);
    checkAsciiCode(r, "usage_code", s.usage_code, kMaxCodeLength);
    s.body_part_code = r.optionalText("body_part_code", kMaxCodeLength);
    checkAsciiCode(r, "body_part_code", s.body_part_code, kMaxCodeLength);
    return s;
}

// A drug supplement is either {"seq", "kind", "text", "code"} or just its text.
DrugSupplement decodeDrugSupplement(const Poco::Dynamic::Var& v, const std::string& path,
                                    std::size_t index) {
    DrugSupplement s;
    s.seq = static_cast<int>(index) + 1;
    if (v.type() == typeid(std::string)) {
        s.text = textValue(v, path, kMaxTextLength);
        if (s.text.empty()) throw missingField(path);
        return s;
    }
    if (v.isEmpty()) throw missingField(path);
    const auto* object = asObject(v);
    if (!object) throw invalidField(path, "文字列またはオブジェクトにしてください");
    ObjectReader r(*object, path, {"seq", "kind", "text", "code"});
    s.seq = r.optionalInt("seq", 1, kMaxSeq).value_or(s.seq);
    s.kind = r.optionalInt("kind", 1, 99);
    s.text = r.requiredText("text", kMaxTextLength);
    s.code = r.optionalText("code", kMaxCodeLength);
    checkAsciiCode(r, "code", s.code, kMaxCodeLength);
    return s;
}

// Fixed-size JAHIS slots travel as arrays of up to N strings; missing slots are "".
template <std::size_t N, typename ReadOne>
std::array<std::string, N> decodeSlots(const ObjectReader& r, std::string_view key,
                                       ReadOne read_one) {
    std::array<std::string, N> slots{};
    const Poco::JSON::Array* array = r.optionalArray(key, N);
    if (!array) return slots;
    const std::string path = r.pathOf(key);
    for (std::size_t i = 0; i < array->size(); ++i) {
        const Poco::Dynamic::Var v = array->get(static_cast<unsigned>(i));
        if (!v.isEmpty()) slots[i] = read_one(v, elementPath(path, i));
    }
    return slots;
}

std::string decodeSlotCode(const Poco::Dynamic::Var& v, const std::string& path) {
    std::string s = textValue(v, path, kMaxCodeLength);
    if (!s.empty() && !isAsciiCode(s, kMaxCodeLength))
        throw invalidField(path, "英数字と - _ . で 20 文字までにしてください");
    return s;
}

UnevenDoses decodeUneven(const Poco::JSON::Object& o, const std::string& path) {
    ObjectReader r(o, path, {"doses", "codes"});
    UnevenDoses u;
    u.doses = decodeSlots<5>(r, "doses", [](const Poco::Dynamic::Var& v, const std::string& p) {
        return amountValue(v, p, false);
    });
    u.codes = decodeSlots<5>(r, "codes", decodeSlotCode);
    return u;
}

SingleDose decodeSingleDose(const Poco::JSON::Object& o, const std::string& path) {
    ObjectReader r(o, path, {"amount", "times_per_day"});
    SingleDose d;
    d.amount = r.optionalAmount("amount", true);
    if (d.amount.empty()) throw missingField(r.pathOf("amount"));
    d.times_per_day = r.optionalInt("times_per_day", 1, kMaxTimesPerDay);
    return d;
}

DrugItem decodeItem(const Poco::Dynamic::Var& v, const std::string& path, std::size_t index) {
    ObjectReader r(
        requireObjectValue(v, path), path,
        {"seq", "info_class", "code_system", "code", "name", "amount", "potency_flag", "unit",
         "unit_conversion", "uneven", "funding_burden", "single_dose", "supplements"});
    DrugItem item;
    item.seq = r.optionalInt("seq", 1, kMaxSeq).value_or(static_cast<int>(index) + 1);
    item.info_class = r.optionalInt("info_class", 1, 9);
    const std::string system = r.optionalText("code_system", 20);
    if (!system.empty()) {
        auto parsed = drugCodeSystemFromName(system);
        if (!parsed)
            throw invalidField(r.pathOf("code_system"),
                               "使用できない値です（" + std::string(kDrugCodeSystemNames) + "）");
        item.code_system = *parsed;
    }
    item.code = r.optionalText("code", kMaxCodeLength);
    if (item.code.empty() && item.code_system != DrugCodeSystem::None)
        throw missingField(r.pathOf("code"));
    if (auto problem = drugCodeProblem(item.code_system, item.code))
        throw invalidField(r.pathOf("code"), *problem);
    item.name = r.requiredText("name", kMaxNameLength);
    item.amount = r.requiredAmount("amount");
    item.potency_flag = r.optionalInt("potency_flag", 1, 2);
    item.unit = r.requiredText("unit", kMaxShortTextLength);
    item.unit_conversion = r.optionalAmount("unit_conversion");
    if (const auto* uneven = r.optionalObject("uneven"))
        item.uneven = decodeUneven(*uneven, r.pathOf("uneven"));
    if (r.has("funding_burden")) {
        item.funding_burden = decodeSlots<4>(r, "funding_burden", decodeSlotCode);
    }
    if (const auto* dose = r.optionalObject("single_dose"))
        item.single_dose = decodeSingleDose(*dose, r.pathOf("single_dose"));
    item.supplements =
        decodeArray<DrugSupplement>(r, "supplements", kMaxSupplements, decodeDrugSupplement);
    checkUniqueSeq(item.supplements, r.pathOf("supplements"));
    return item;
}

RpGroup decodeRp(const Poco::Dynamic::Var& v, const std::string& path, std::size_t index) {
    ObjectReader r(requireObjectValue(v, path), path,
                   {"rp_no", "form", "form_name", "days", "quantity", "split", "usage",
                    "usage_supplements", "items"});
    RpGroup rp;
    rp.rp_no = r.optionalInt("rp_no", 1, kMaxRpNo).value_or(static_cast<int>(index) + 1);
    const std::string form = r.requiredText("form", 20);
    auto parsed = dosageFormFromName(form);
    if (!parsed)
        throw invalidField(r.pathOf("form"),
                           "使用できない値です（" + std::string(kDosageFormNames) + "）");
    rp.form = *parsed;
    rp.form_name = r.optionalText("form_name", kMaxShortTextLength);
    // Oral forms count days of supply, the others times or units: each has its own member
    // so that a client cannot send 14 tablets where 14 days were meant.
    if (rp.quantityIsDays()) {
        if (r.has("quantity"))
            throw invalidField(r.pathOf("quantity"),
                               "内服（oral, oral_drops）では days を使ってください");
        rp.quantity = r.requiredInt("days", 1, kMaxDays);
    } else {
        if (r.has("days"))
            throw invalidField(r.pathOf("days"), "days は内服（oral, oral_drops）だけで使えます");
        rp.quantity = r.requiredInt("quantity", 1, kMaxQuantity);
    }
    if (const auto* split = r.optionalObject("split")) {
        ObjectReader s(*split, r.pathOf("split"), {"per_split", "total"});
        SplitQuantity q;
        q.per_split = s.requiredInt("per_split", 1, kMaxQuantity);
        q.total = s.requiredInt("total", 1, kMaxQuantity);
        if (q.per_split > q.total)
            throw invalidField(s.pathOf("per_split"), "total 以下にしてください");
        rp.split = q;
    }
    rp.usage = decodeUsage(r.requiredObject("usage"), r.pathOf("usage"));
    rp.usage_supplements = decodeArray<UsageSupplement>(r, "usage_supplements", kMaxSupplements,
                                                        decodeUsageSupplement);
    checkUniqueSeq(rp.usage_supplements, r.pathOf("usage_supplements"));
    if (!r.has("items")) throw missingField(r.pathOf("items"));
    rp.items = decodeArray<DrugItem>(r, "items", kMaxItemsPerRp, decodeItem);
    if (rp.items.empty()) throw invalidField(r.pathOf("items"), "薬品が 1 つもありません");
    checkUniqueSeq(rp.items, r.pathOf("items"));
    return rp;
}

}  // namespace

Prescription decodePrescription(const Poco::JSON::Object& o) {
    return decodePrescription(o, {});
}

Prescription decodePrescription(const Poco::JSON::Object& o, const std::string& path) {
    ObjectReader r(
        o, path,
        {"patient", "prescriber", "institution", "insurance", "issue_date", "use_by_date",
         "narcotic", "leftover_instruction", "split_dispensing", "refill_count", "remarks",
         "prescription_number_kind", "prescription_number", "online", "rps"});
    Prescription p;
    p.patient = decodePatient(r.requiredObject("patient"), r.pathOf("patient"));
    p.prescriber =
        decodePrescriber(r.requiredObject("prescriber"), r.pathOf("prescriber"), p.institution);
    decodeInstitution(r.requiredObject("institution"), r.pathOf("institution"), p.institution);
    if (const auto* insurance = r.optionalObject("insurance"))
        p.insurance = decodeInsurance(*insurance, r.pathOf("insurance"));
    p.issue_date = r.requiredDate("issue_date");
    p.use_by_date = r.optionalDate("use_by_date");
    if (p.use_by_date && *p.use_by_date < *p.issue_date)
        throw invalidField(r.pathOf("use_by_date"), "交付日（issue_date）より前です");
    if (p.patient.birth_date && *p.patient.birth_date > *p.issue_date)
        throw invalidField(memberPath(r.pathOf("patient"), "birth_date"),
                           "交付日（issue_date）より後です");
    if (const auto* narcotic = r.optionalObject("narcotic"))
        p.narcotic = decodeNarcotic(*narcotic, r.pathOf("narcotic"));
    p.leftover_instruction = r.optionalInt("leftover_instruction", 1, 2);
    if (const auto* split = r.optionalObject("split_dispensing")) {
        ObjectReader s(*split, r.pathOf("split_dispensing"), {"count", "index"});
        SplitDispensing d;
        d.count = s.requiredInt("count", 2, 9);
        d.index = s.requiredInt("index", 1, 9);
        if (d.index > d.count) throw invalidField(s.pathOf("index"), "count 以下にしてください");
        p.split_dispensing = d;
    }
    p.refill_count = r.optionalInt("refill_count", 1, 3);
    p.remarks = decodeArray<Remark>(r, "remarks", kMaxRemarks, decodeRemark);
    checkUniqueSeq(p.remarks, r.pathOf("remarks"));
    p.prescription_number_kind = r.optionalInt("prescription_number_kind", 1, 9);
    p.prescription_number = r.optionalText("prescription_number", kMaxCodeLength);
    checkAsciiCode(r, "prescription_number", p.prescription_number, kMaxCodeLength);
    if (const auto* online = r.optionalObject("online"))
        p.online = decodeOnline(*online, r.pathOf("online"));
    if (!r.has("rps")) throw missingField(r.pathOf("rps"));
    p.rps = decodeArray<RpGroup>(r, "rps", kMaxRps, decodeRp);
    if (p.rps.empty()) throw invalidField(r.pathOf("rps"), "Rp が 1 つもありません");
    std::set<int> rp_numbers;
    for (std::size_t i = 0; i < p.rps.size(); ++i) {
        if (!rp_numbers.insert(p.rps[i].rp_no).second)
            throw invalidField(elementPath(r.pathOf("rps"), i) + ".rp_no",
                               "rp_no が重複しています");
    }
    return p;
}

}  // namespace rxdesk::prescription_json
