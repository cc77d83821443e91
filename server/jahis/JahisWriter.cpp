#include "jahis/JahisWriter.h"

#include <initializer_list>

#include "jahis/CsvLine.h"
#include "jahis/JahisDate.h"

namespace rxdesk::jahis {
namespace {

using namespace prescription;

std::string num(const std::optional<int>& value) {
    return value ? std::to_string(*value) : std::string();
}

std::string num(int value) {
    return std::to_string(value);
}

std::string date(const std::optional<Date>& value) {
    return value ? formatJahisDate(*value) : std::string();
}

class Lines {
public:
    void add(int record_no, std::initializer_list<std::string> fields) {
        out_ += std::to_string(record_no);
        for (const std::string& field : fields) {
            out_ += ',';
            // JAHIS fields never span lines; a stray line break would split the record.
            std::string flat = field;
            for (char& c : flat) {
                if (c == '\r' || c == '\n') c = ' ';
            }
            out_ += quoteCsvField(flat);
        }
        out_ += "\r\n";
    }

    std::string take() { return std::move(out_); }

private:
    std::string out_;
};

bool anyOf(std::initializer_list<bool> flags) {
    for (bool flag : flags) {
        if (flag) return true;
    }
    return false;
}

void writeHeaderRecords(const Prescription& p, Lines& lines) {
    const Institution& i = p.institution;
    if (anyOf({i.code_type.has_value(), !i.code.empty(), !i.prefecture.empty(), !i.name.empty()}))
        lines.add(1, {num(i.code_type), i.code, i.prefecture, i.name});
    if (anyOf({!i.postcode.empty(), !i.address.empty()})) lines.add(2, {i.postcode, i.address});
    if (anyOf({!i.phone.empty(), !i.fax.empty(), !i.other_contact.empty()}))
        lines.add(3, {i.phone, i.fax, i.other_contact});
    if (anyOf({i.department_code_type.has_value(), !i.department_code.empty(),
               !i.department.empty()}))
        lines.add(4, {num(i.department_code_type), i.department_code, i.department});
    const Prescriber& d = p.prescriber;
    if (anyOf({!d.code.empty(), !d.kana.empty(), !d.kanji.empty()}))
        lines.add(5, {d.code, d.kana, d.kanji});
}

void writePatientRecords(const Prescription& p, Lines& lines) {
    const Patient& pt = p.patient;
    if (anyOf({!pt.code.empty(), !pt.kanji.empty(), !pt.kana.empty()}))
        lines.add(11, {pt.code, pt.kanji, pt.kana});
    if (pt.sex != Sex::Unknown) lines.add(12, {num(static_cast<int>(pt.sex))});
    if (pt.birth_date) lines.add(13, {date(pt.birth_date)});
    if (pt.copay_class) lines.add(14, {num(pt.copay_class)});
}

void writeInsuranceRecords(const Insurance& ins, Lines& lines) {
    if (ins.type) lines.add(21, {num(ins.type)});
    if (!ins.insurer_number.empty()) lines.add(22, {ins.insurer_number});
    if (anyOf({!ins.card_symbol.empty(), !ins.card_number.empty(), ins.insured_kind.has_value(),
               !ins.branch.empty()}))
        lines.add(23, {ins.card_symbol, ins.card_number, num(ins.insured_kind), ins.branch});
    if (anyOf({ins.copay_rate.has_value(), ins.benefit_rate.has_value()}))
        lines.add(24, {num(ins.copay_rate), num(ins.benefit_rate)});
    if (ins.work_related) lines.add(25, {num(ins.work_related)});
    for (FundingSlot slot :
         {FundingSlot::First, FundingSlot::Second, FundingSlot::Third, FundingSlot::Special}) {
        for (const PublicFunding& f : ins.public_funding) {
            if (f.slot == slot) lines.add(26 + static_cast<int>(slot), {f.payer, f.recipient});
        }
    }
    if (!ins.receipt_type.empty()) lines.add(31, {ins.receipt_type});
}

void writePrescriptionRecords(const Prescription& p, Lines& lines) {
    if (p.issue_date) lines.add(51, {date(p.issue_date)});
    if (p.use_by_date) lines.add(52, {date(p.use_by_date)});
    if (p.narcotic) {
        lines.add(61,
                  {p.narcotic->licence_no, p.narcotic->patient_address, p.narcotic->patient_phone});
    }
    if (p.leftover_instruction) lines.add(62, {num(p.leftover_instruction)});
    if (p.split_dispensing)
        lines.add(63, {num(p.split_dispensing->count), num(p.split_dispensing->index)});
    if (p.refill_count) lines.add(64, {num(p.refill_count)});
    for (const Remark& r : p.remarks) lines.add(81, {num(r.seq), num(r.kind), r.text});
    if (p.prescription_number_kind || !p.prescription_number.empty())
        lines.add(82, {num(p.prescription_number_kind), p.prescription_number});
}

void writeDrug(int rp_no, const DrugItem& item, Lines& lines) {
    const std::string rp = num(rp_no);
    const std::string seq = num(item.seq);
    lines.add(201, {rp, seq, num(item.info_class), num(static_cast<int>(item.code_system)),
                    item.code, item.name, item.amount, num(item.potency_flag), item.unit});
    if (!item.unit_conversion.empty()) lines.add(211, {rp, seq, item.unit_conversion});
    if (item.uneven) {
        const auto& d = item.uneven->doses;
        const auto& c = item.uneven->codes;
        lines.add(221, {rp, seq, d[0], d[1], d[2], d[3], d[4], c[0], c[1], c[2], c[3], c[4]});
    }
    if (item.funding_burden) {
        const auto& f = *item.funding_burden;
        lines.add(231, {rp, seq, f[0], f[1], f[2], f[3]});
    }
    if (item.single_dose) {
        lines.add(241, {rp, seq, item.single_dose->amount, num(item.single_dose->times_per_day)});
    }
    for (const DrugSupplement& s : item.supplements)
        lines.add(281, {rp, seq, num(s.seq), num(s.kind), s.text, s.code});
}

void writeRp(const RpGroup& rp, Lines& lines) {
    const std::string rp_no = num(rp.rp_no);
    lines.add(101, {rp_no, num(static_cast<int>(rp.form)), rp.form_name, num(rp.quantity)});
    if (rp.split) lines.add(102, {rp_no, num(rp.split->per_split), num(rp.split->total)});
    const Usage& u = rp.usage;
    if (anyOf({u.code_type.has_value(), !u.code.empty(), !u.text.empty(),
               u.times_per_day.has_value()}))
        lines.add(111, {rp_no, num(u.code_type), u.code, u.text, num(u.times_per_day)});
    for (const UsageSupplement& s : rp.usage_supplements)
        lines.add(181, {rp_no, num(s.seq), num(s.kind), s.text, s.usage_code, s.body_part_code});
    for (const DrugItem& item : rp.items) writeDrug(rp.rp_no, item, lines);
}

}  // namespace

std::string JahisWriter::write(const Prescription& prescription, int version) {
    Lines lines;
    writeHeaderRecords(prescription, lines);
    writePatientRecords(prescription, lines);
    writeInsuranceRecords(prescription.insurance, lines);
    writePrescriptionRecords(prescription, lines);
    for (const RpGroup& rp : prescription.rps) writeRp(rp, lines);
    return "JAHIS" + std::to_string(version) + "\r\n" + lines.take();
}

}  // namespace rxdesk::jahis
