#include "jahis/RecordHandlers.h"

#include <algorithm>
#include <array>

namespace rxdesk::jahis {
namespace {

using namespace prescription;

RpGroup* findRp(PrescriptionBuilder& b, int rp_no) {
    for (RpGroup& rp : b.prescription.rps) {
        if (rp.rp_no == rp_no) return &rp;
    }
    return nullptr;
}

// Records that hang off an Rp may arrive before (or without) their 101 line; keeping the
// data under an implicit Rp loses nothing the pharmacist must see.
RpGroup* rpFor(FieldReader& r, PrescriptionBuilder& b) {
    auto rp_no = r.requiredInt(1);
    if (!rp_no) return nullptr;
    if (RpGroup* rp = findRp(b, *rp_no)) return rp;
    r.report("jahis_orphan_record", Severity::Warning,
             "剤形レコード（101）のないRP番号を参照しています。", 1);
    RpGroup rp;
    rp.rp_no = *rp_no;
    b.prescription.rps.push_back(rp);
    return &b.prescription.rps.back();
}

DrugItem* drugFor(FieldReader& r, PrescriptionBuilder& b) {
    auto rp_no = r.requiredInt(1);
    auto seq = r.requiredInt(2);
    if (!rp_no || !seq) return nullptr;
    if (RpGroup* rp = findRp(b, *rp_no)) {
        for (DrugItem& item : rp->items) {
            if (item.seq == *seq) return &item;
        }
    }
    r.report("jahis_orphan_record", Severity::Warning,
             "薬品レコード（201）のない薬品を参照しています（読み飛ばしました）。", 2);
    return nullptr;
}

void institution(FieldReader& r, PrescriptionBuilder& b) {
    Institution& i = b.prescription.institution;
    i.code_type = r.optionalInt(1);  // the standard's own example leaves it empty
    i.code = r.requiredText(2);
    i.prefecture = r.requiredText(3);
    i.name = r.text(4);
}

void institutionAddress(FieldReader& r, PrescriptionBuilder& b) {
    b.prescription.institution.postcode = r.text(1);
    b.prescription.institution.address = r.text(2);
}

void institutionPhone(FieldReader& r, PrescriptionBuilder& b) {
    b.prescription.institution.phone = r.requiredText(1);
    b.prescription.institution.fax = r.text(2);
    b.prescription.institution.other_contact = r.text(3);
}

void department(FieldReader& r, PrescriptionBuilder& b) {
    Institution& i = b.prescription.institution;
    i.department_code_type = r.requiredInt(1);
    i.department_code = r.text(2);
    i.department = r.requiredText(3);
}

void prescriber(FieldReader& r, PrescriptionBuilder& b) {
    b.prescription.prescriber.code = r.text(1);
    b.prescription.prescriber.kana = r.text(2);
    b.prescription.prescriber.kanji = r.requiredText(3);
}

void patientName(FieldReader& r, PrescriptionBuilder& b) {
    b.prescription.patient.code = r.text(1);
    b.prescription.patient.kanji = r.requiredText(2);
    b.prescription.patient.kana = r.text(3);
}

void patientSex(FieldReader& r, PrescriptionBuilder& b) {
    auto sex = r.requiredInt(1);
    if (!sex) return;
    if (*sex == 1 || *sex == 2) {
        b.prescription.patient.sex = static_cast<Sex>(*sex);
    } else {
        r.report("jahis_malformed_field", Severity::Warning, "性別は1（男）か2（女）です。", 1);
    }
}

void patientBirthDate(FieldReader& r, PrescriptionBuilder& b) {
    if (r.text(1).empty()) r.requiredText(1);
    b.prescription.patient.birth_date = r.optionalDate(1);
}

void patientCopayClass(FieldReader& r, PrescriptionBuilder& b) {
    b.prescription.patient.copay_class = r.requiredInt(1);
}

void insuranceType(FieldReader& r, PrescriptionBuilder& b) {
    b.prescription.insurance.type = r.requiredInt(1);
}

void insurerNumber(FieldReader& r, PrescriptionBuilder& b) {
    b.prescription.insurance.insurer_number = r.text(1);
}

void insuranceCard(FieldReader& r, PrescriptionBuilder& b) {
    Insurance& i = b.prescription.insurance;
    i.card_symbol = r.text(1);
    i.card_number = r.text(2);
    i.insured_kind = r.requiredInt(3);
    i.branch = r.text(4);
}

void rates(FieldReader& r, PrescriptionBuilder& b) {
    b.prescription.insurance.copay_rate = r.requiredInt(1);
    b.prescription.insurance.benefit_rate = r.optionalInt(2);
}

void workRelated(FieldReader& r, PrescriptionBuilder& b) {
    b.prescription.insurance.work_related = r.requiredInt(1);
}

template <FundingSlot kSlot>
void publicFunding(FieldReader& r, PrescriptionBuilder& b) {
    PublicFunding funding{kSlot, r.requiredText(1), r.text(2)};
    auto& list = b.prescription.insurance.public_funding;
    auto it = std::find_if(list.begin(), list.end(),
                           [](const PublicFunding& f) { return f.slot == kSlot; });
    if (it != list.end()) {
        *it = funding;
    } else {
        list.push_back(funding);
    }
}

void receiptType(FieldReader& r, PrescriptionBuilder& b) {
    b.prescription.insurance.receipt_type = r.requiredText(1);
}

void issueDate(FieldReader& r, PrescriptionBuilder& b) {
    if (r.text(1).empty()) r.requiredText(1);
    b.prescription.issue_date = r.optionalDate(1);
}

void useByDate(FieldReader& r, PrescriptionBuilder& b) {
    if (r.text(1).empty()) r.requiredText(1);
    b.prescription.use_by_date = r.optionalDate(1);
}

void narcotic(FieldReader& r, PrescriptionBuilder& b) {
    b.prescription.narcotic = NarcoticInfo{r.text(1), r.text(2), r.text(3)};
}

void leftover(FieldReader& r, PrescriptionBuilder& b) {
    b.prescription.leftover_instruction = r.requiredInt(1);
}

void splitDispensing(FieldReader& r, PrescriptionBuilder& b) {
    auto count = r.requiredInt(1);
    auto index = r.requiredInt(2);
    b.prescription.split_dispensing = SplitDispensing{count.value_or(0), index.value_or(0)};
}

void refill(FieldReader& r, PrescriptionBuilder& b) {
    b.prescription.refill_count = r.requiredInt(1);
}

void remark(FieldReader& r, PrescriptionBuilder& b) {
    Remark remark;
    remark.seq = r.requiredInt(1).value_or(0);
    remark.kind = r.optionalInt(2);
    remark.text = r.text(3);
    b.prescription.remarks.push_back(remark);
}

void prescriptionNumber(FieldReader& r, PrescriptionBuilder& b) {
    b.prescription.prescription_number_kind = r.requiredInt(1);
    b.prescription.prescription_number = r.requiredText(2);
}

void rpForm(FieldReader& r, PrescriptionBuilder& b) {
    auto rp_no = r.requiredInt(1);
    if (!rp_no) return;
    RpGroup* rp = findRp(b, *rp_no);
    if (rp == nullptr) {
        b.prescription.rps.push_back(RpGroup{});
        rp = &b.prescription.rps.back();
        rp->rp_no = *rp_no;
    } else if (rp->form != DosageForm::Unknown || rp->quantity != 0) {
        r.report("jahis_duplicate_record", Severity::Warning,
                 "同じRP番号の剤形レコードが複数あります（後のものを採用）。", 1);
    }
    if (auto form = r.requiredInt(2)) {
        if ((*form >= 1 && *form <= 6) || *form == 9) {
            rp->form = static_cast<DosageForm>(*form);
        } else {
            r.report("jahis_malformed_field", Severity::Warning, "剤形区分が不明な値です。", 2);
        }
    }
    rp->form_name = r.text(3);
    rp->quantity = r.requiredInt(4).value_or(0);
}

void rpSplitQuantity(FieldReader& r, PrescriptionBuilder& b) {
    RpGroup* rp = rpFor(r, b);
    auto per_split = r.requiredInt(2);
    auto total = r.requiredInt(3);
    if (rp) rp->split = SplitQuantity{per_split.value_or(0), total.value_or(0)};
}

void usage(FieldReader& r, PrescriptionBuilder& b) {
    RpGroup* rp = rpFor(r, b);
    Usage usage{r.requiredInt(2), r.text(3), r.requiredText(4), r.optionalInt(5)};
    if (rp) rp->usage = usage;
}

void usageSupplement(FieldReader& r, PrescriptionBuilder& b) {
    RpGroup* rp = rpFor(r, b);
    UsageSupplement s{r.requiredInt(2).value_or(0), r.optionalInt(3), r.requiredText(4), r.text(5),
                      r.text(6)};
    if (rp) rp->usage_supplements.push_back(s);
}

void drug(FieldReader& r, PrescriptionBuilder& b) {
    RpGroup* rp = rpFor(r, b);
    DrugItem item;
    item.seq = r.requiredInt(2).value_or(0);
    item.info_class = r.optionalInt(3);
    if (auto system = r.requiredInt(4)) {
        if ((*system >= 1 && *system <= 4) || *system == 6 || *system == 7) {
            item.code_system = static_cast<DrugCodeSystem>(*system);
        } else {
            r.report("jahis_malformed_field", Severity::Warning, "薬品コード種別が不明な値です。",
                     4);
        }
    }
    item.code = r.text(5);
    item.name = r.text(6);
    if (item.code.empty() && item.name.empty()) {
        r.report("jahis_missing_field", Severity::Warning, "薬品コードも薬品名称も空です。", 6);
    }
    item.amount = r.requiredText(7);
    item.potency_flag = r.requiredInt(8);
    item.unit = r.requiredText(9);
    if (!rp) return;
    for (const DrugItem& existing : rp->items) {
        if (existing.seq == item.seq) {
            r.report("jahis_duplicate_record", Severity::Warning,
                     "同じRP内連番の薬品レコードが複数あります。", 2);
            break;
        }
    }
    rp->items.push_back(item);
}

void unitConversion(FieldReader& r, PrescriptionBuilder& b) {
    DrugItem* item = drugFor(r, b);
    std::string factor = r.requiredText(3);
    if (item) item->unit_conversion = factor;
}

void unevenDoses(FieldReader& r, PrescriptionBuilder& b) {
    DrugItem* item = drugFor(r, b);
    UnevenDoses uneven;
    // The first two doses are required: uneven dosing means at least two different ones.
    uneven.doses[0] = r.requiredText(3);
    uneven.doses[1] = r.requiredText(4);
    for (size_t i = 2; i < 5; ++i) uneven.doses[i] = r.text(3 + i);
    for (size_t i = 0; i < 5; ++i) uneven.codes[i] = r.text(8 + i);
    if (item) item->uneven = uneven;
}

void fundingBurden(FieldReader& r, PrescriptionBuilder& b) {
    DrugItem* item = drugFor(r, b);
    std::array<std::string, 4> flags{r.text(3), r.text(4), r.text(5), r.text(6)};
    if (item) item->funding_burden = flags;
}

void singleDose(FieldReader& r, PrescriptionBuilder& b) {
    DrugItem* item = drugFor(r, b);
    SingleDose dose{r.requiredText(3), r.optionalInt(4)};
    if (item) item->single_dose = dose;
}

void drugSupplement(FieldReader& r, PrescriptionBuilder& b) {
    DrugItem* item = drugFor(r, b);
    DrugSupplement s{r.requiredInt(3).value_or(0), r.optionalInt(4), r.requiredText(5), r.text(6)};
    if (item) item->supplements.push_back(s);
}

constexpr std::array kHandlers{
    RecordHandler{1, 4, false, &institution},
    RecordHandler{2, 2, false, &institutionAddress},
    RecordHandler{3, 3, false, &institutionPhone},
    RecordHandler{4, 3, false, &department},
    RecordHandler{5, 3, false, &prescriber},
    RecordHandler{11, 3, false, &patientName},
    RecordHandler{12, 1, false, &patientSex},
    RecordHandler{13, 1, false, &patientBirthDate},
    RecordHandler{14, 1, false, &patientCopayClass},
    RecordHandler{21, 1, false, &insuranceType},
    RecordHandler{22, 1, false, &insurerNumber},
    RecordHandler{23, 4, false, &insuranceCard},
    RecordHandler{24, 2, false, &rates},
    RecordHandler{25, 1, false, &workRelated},
    RecordHandler{27, 2, false, &publicFunding<FundingSlot::First>},
    RecordHandler{28, 2, false, &publicFunding<FundingSlot::Second>},
    RecordHandler{29, 2, false, &publicFunding<FundingSlot::Third>},
    RecordHandler{30, 2, false, &publicFunding<FundingSlot::Special>},
    RecordHandler{31, 1, false, &receiptType},
    RecordHandler{51, 1, false, &issueDate},
    RecordHandler{52, 1, false, &useByDate},
    RecordHandler{61, 3, false, &narcotic},
    RecordHandler{62, 1, false, &leftover},
    RecordHandler{63, 2, false, &splitDispensing},
    RecordHandler{64, 1, false, &refill},
    RecordHandler{81, 3, true, &remark},
    RecordHandler{82, 2, false, &prescriptionNumber},
    RecordHandler{101, 4, true, &rpForm},
    RecordHandler{102, 3, true, &rpSplitQuantity},
    RecordHandler{111, 5, true, &usage},
    RecordHandler{181, 6, true, &usageSupplement},
    RecordHandler{201, 9, true, &drug},
    RecordHandler{211, 3, true, &unitConversion},
    RecordHandler{221, 12, true, &unevenDoses},
    RecordHandler{231, 6, true, &fundingBurden},
    RecordHandler{241, 4, true, &singleDose},
    RecordHandler{281, 6, true, &drugSupplement},
};

}  // namespace

const RecordHandler* findRecordHandler(int record_no) {
    for (const RecordHandler& handler : kHandlers) {
        if (handler.record_no == record_no) return &handler;
    }
    return nullptr;
}

std::vector<int> knownRecordNumbers() {
    std::vector<int> numbers;
    for (const RecordHandler& handler : kHandlers) numbers.push_back(handler.record_no);
    return numbers;
}

}  // namespace rxdesk::jahis
