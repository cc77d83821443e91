#include "workflow/Reconciler.h"

#include <algorithm>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "workflow/ComparableText.h"

namespace rxdesk::workflow {
namespace {

using prescription::DosageForm;
using prescription::DrugItem;
using prescription::FundingSlot;
using prescription::Prescription;
using prescription::PublicFunding;
using prescription::RpGroup;
using prescription::Sex;

std::string trimmed(std::string_view s) {
    constexpr std::string_view kIdeographicSpace = "\u3000";
    for (bool changed = true; changed;) {
        changed = false;
        while (!s.empty() &&
               (s.front() == ' ' || s.front() == '\t' || s.front() == '\r' || s.front() == '\n')) {
            s.remove_prefix(1);
            changed = true;
        }
        while (!s.empty() &&
               (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n')) {
            s.remove_suffix(1);
            changed = true;
        }
        if (s.starts_with(kIdeographicSpace)) {
            s.remove_prefix(kIdeographicSpace.size());
            changed = true;
        }
        if (s.ends_with(kIdeographicSpace)) {
            s.remove_suffix(kIdeographicSpace.size());
            changed = true;
        }
    }
    return std::string(s);
}

std::string dateText(const std::optional<Date>& d) {
    return d ? formatDate(*d) : std::string();
}

std::string intText(const std::optional<int>& v) {
    return v ? std::to_string(*v) : std::string();
}

std::string sexText(Sex sex) {
    switch (sex) {
        case Sex::Male:
            return "男";
        case Sex::Female:
            return "女";
        case Sex::Unknown:
            break;
    }
    return {};
}

std::string formText(DosageForm form) {
    switch (form) {
        case DosageForm::Oral:
            return "内服";
        case DosageForm::AsNeeded:
            return "頓服";
        case DosageForm::External:
            return "外用";
        case DosageForm::OralDrops:
            return "内服滴剤";
        case DosageForm::Injection:
            return "注射";
        case DosageForm::Material:
            return "医療材料";
        case DosageForm::Unknown:
            break;
    }
    return "不明";
}

std::string fundingName(FundingSlot slot) {
    return slot == FundingSlot::Special ? "特例公費"
                                        : "第" + std::to_string(static_cast<int>(slot)) + "公費";
}

// How an Rp's quantity is named depends on its form: days of supply or number of doses.
std::pair<std::string, std::string> quantityField(const RpGroup& rp) {
    if (rp.quantityIsDays()) return {"days", "日数"};
    if (rp.form == DosageForm::AsNeeded) return {"times", "回数"};
    return {"quantity", "数量"};
}

std::string quantityText(const RpGroup& rp) {
    std::string suffix = rp.quantityIsDays()               ? "日分"
                         : rp.form == DosageForm::AsNeeded ? "回分"
                                                           : "";
    return std::to_string(rp.quantity) + suffix;
}

bool sameDrug(const DrugItem& a, const DrugItem& b) {
    if (!trimmed(a.code).empty() && !trimmed(b.code).empty())
        return comparableText(a.code) == comparableText(b.code);
    return comparableText(a.name) == comparableText(b.name);
}

std::string drugKey(const DrugItem& item) {
    return trimmed(item.code).empty() ? "name:" + comparableText(item.name)
                                      : comparableText(item.code);
}

std::string drugText(const DrugItem& item) {
    std::string text = trimmed(item.name);
    const std::string code = trimmed(item.code);
    if (!code.empty()) text += (text.empty() ? "" : " ") + ("(" + code + ")");
    return text;
}

std::string amountText(const DrugItem& item) {
    return trimmed(item.amount) + trimmed(item.unit);
}

// Amount and unit together, so that "3" + "錠" equals "3錠" + "" (transcriptions differ in
// where they put the unit).
std::string comparableAmountWithUnit(const DrugItem& item) {
    return comparableAmount(item.amount) + comparableText(item.unit);
}

std::vector<std::string> sortedComparable(const std::vector<std::string>& texts) {
    std::vector<std::string> out;
    for (const auto& t : texts) {
        std::string c = comparableText(t);
        if (!c.empty()) out.push_back(std::move(c));
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::string joined(const std::vector<std::string>& texts, std::string_view separator) {
    std::string out;
    for (const auto& t : texts) {
        std::string s = trimmed(t);
        if (s.empty()) continue;
        if (!out.empty()) out += separator;
        out += s;
    }
    return out;
}

// A pairing of two lists: each entry holds an index into the fax list, the original list,
// or both.
using Pair = std::pair<std::optional<size_t>, std::optional<size_t>>;

// Pairs elements pass by pass: each predicate pairs what is still unpaired, the first
// acceptable partner in list order; what no pass pairs stays alone. A final "any" pass pairs
// leftovers in order, so a replaced element is reported as a change, not as one removal
// plus one addition.
template <typename T>
std::vector<Pair> pairUp(const std::vector<T>& fax, const std::vector<T>& original,
                         const std::vector<std::function<bool(const T&, const T&)>>& passes) {
    std::vector<bool> fax_used(fax.size()), original_used(original.size());
    std::vector<Pair> pairs;
    auto run = [&](const std::function<bool(const T&, const T&)>& accept) {
        for (size_t i = 0; i < fax.size(); ++i) {
            if (fax_used[i]) continue;
            for (size_t j = 0; j < original.size(); ++j) {
                if (original_used[j] || !accept(fax[i], original[j])) continue;
                fax_used[i] = original_used[j] = true;
                pairs.emplace_back(i, j);
                break;
            }
        }
    };
    for (const auto& pass : passes) run(pass);
    run([](const T&, const T&) { return true; });
    for (size_t i = 0; i < fax.size(); ++i)
        if (!fax_used[i]) pairs.emplace_back(i, std::nullopt);
    for (size_t j = 0; j < original.size(); ++j)
        if (!original_used[j]) pairs.emplace_back(std::nullopt, j);
    return pairs;
}

class Comparison {
public:
    void add(std::string path, std::string label, std::string fax_value,
             std::string original_value) {
        DifferenceKind kind = fax_value.empty()        ? DifferenceKind::OnlyInOriginal
                              : original_value.empty() ? DifferenceKind::OnlyOnFax
                                                       : DifferenceKind::Changed;
        differences_.push_back(Difference{std::move(path), std::move(label), std::move(fax_value),
                                          std::move(original_value), kind});
    }

    // Free text compared in comparableText() form.
    void text(std::string path, std::string label, std::string_view fax,
              std::string_view original) {
        if (comparableText(fax) != comparableText(original))
            add(std::move(path), std::move(label), trimmed(fax), trimmed(original));
    }

    // Values already rendered to canonical text (dates, numbers, enums).
    void exact(std::string path, std::string label, std::string fax, std::string original) {
        if (fax != original)
            add(std::move(path), std::move(label), std::move(fax), std::move(original));
    }

    // Unordered lists of lines (remarks, supplements).
    void lines(std::string path, std::string label, const std::vector<std::string>& fax,
               const std::vector<std::string>& original) {
        if (sortedComparable(fax) != sortedComparable(original))
            add(std::move(path), std::move(label), joined(fax, " / "), joined(original, " / "));
    }

    std::vector<Difference> take() { return std::move(differences_); }

private:
    std::vector<Difference> differences_;
};

void compareInsurance(const Prescription& fax, const Prescription& original, Comparison& cmp) {
    const auto& f = fax.insurance;
    const auto& o = original.insurance;
    cmp.text("insurance.insurer_number", "保険者番号", f.insurer_number, o.insurer_number);
    cmp.text("insurance.card_symbol", "被保険者証記号", f.card_symbol, o.card_symbol);
    cmp.text("insurance.card_number", "被保険者証番号", f.card_number, o.card_number);
    cmp.text("insurance.branch", "被保険者証枝番", f.branch, o.branch);

    for (FundingSlot slot :
         {FundingSlot::First, FundingSlot::Second, FundingSlot::Third, FundingSlot::Special}) {
        auto find = [slot](const std::vector<PublicFunding>& list) {
            auto it = std::find_if(list.begin(), list.end(),
                                   [slot](const PublicFunding& p) { return p.slot == slot; });
            return it == list.end() ? PublicFunding{slot, "", ""} : *it;
        };
        const PublicFunding pf = find(f.public_funding);
        const PublicFunding po = find(o.public_funding);
        const std::string path =
            "insurance.public_funding[" + std::to_string(static_cast<int>(slot)) + "]";
        cmp.text(path + ".payer", fundingName(slot) + " 負担者番号", pf.payer, po.payer);
        cmp.text(path + ".recipient", fundingName(slot) + " 受給者番号", pf.recipient,
                 po.recipient);
    }
}

std::vector<std::string> supplementTexts(const DrugItem& item) {
    std::vector<std::string> texts;
    for (const auto& s : item.supplements) texts.push_back(s.text);
    return texts;
}

std::string rpSummary(const RpGroup& rp) {
    std::vector<std::string> names;
    for (const auto& item : rp.items) names.push_back(item.name);
    return joined(names, "、") + " " + quantityText(rp);
}

void compareItems(const RpGroup& fax, const RpGroup& original, const std::string& rp_path,
                  const std::string& rp_label, Comparison& cmp) {
    using Accept = std::function<bool(const DrugItem&, const DrugItem&)>;
    const std::vector<Accept> passes{
        [](const DrugItem& a, const DrugItem& b) { return sameDrug(a, b) && a.seq == b.seq; },
        [](const DrugItem& a, const DrugItem& b) { return sameDrug(a, b); },
        [](const DrugItem& a, const DrugItem& b) { return a.seq == b.seq; },
    };
    auto pairs = pairUp(fax.items, original.items, passes);
    auto seqOf = [&](const Pair& p) {
        return p.second ? original.items[*p.second].seq : fax.items[*p.first].seq;
    };
    std::stable_sort(pairs.begin(), pairs.end(), [&](const Pair& a, const Pair& b) {
        return std::pair(seqOf(a), !a.second.has_value()) <
               std::pair(seqOf(b), !b.second.has_value());
    });

    for (const Pair& p : pairs) {
        const int seq = seqOf(p);
        const std::string path = rp_path + ".items[" + std::to_string(seq) + "]";
        const std::string label = rp_label + " 薬品" + std::to_string(seq);
        if (!p.first || !p.second) {
            const DrugItem& item = p.first ? fax.items[*p.first] : original.items[*p.second];
            std::string text = drugText(item) + " " + amountText(item);
            cmp.add(path, label, p.first ? text : "", p.second ? text : "");
            continue;
        }
        const DrugItem& f = fax.items[*p.first];
        const DrugItem& o = original.items[*p.second];
        if (!sameDrug(f, o)) cmp.add(path + ".code", label, drugText(f), drugText(o));
        if (comparableAmountWithUnit(f) != comparableAmountWithUnit(o))
            cmp.add(path + ".amount", label + " 用量", amountText(f), amountText(o));
        cmp.lines(path + ".supplements", label + " 薬品補足", supplementTexts(f),
                  supplementTexts(o));
    }
}

std::vector<std::string> usageSupplementTexts(const RpGroup& rp) {
    std::vector<std::string> texts;
    for (const auto& s : rp.usage_supplements) texts.push_back(s.text);
    return texts;
}

std::string usageText(const RpGroup& rp) {
    std::string text = trimmed(rp.usage.text);
    return text.empty() ? trimmed(rp.usage.code) : text;
}

void compareRp(const RpGroup& fax, const RpGroup& original, Comparison& cmp) {
    const std::string path = "rps[" + std::to_string(original.rp_no) + "]";
    const std::string label = "Rp" + std::to_string(original.rp_no);

    cmp.exact(path + ".form", label + " 剤形", formText(fax.form), formText(original.form));
    const auto [quantity_name, quantity_label] = quantityField(original);
    cmp.exact(path + "." + quantity_name, label + " " + quantity_label,
              std::to_string(fax.quantity), std::to_string(original.quantity));

    const bool codes_differ = !trimmed(fax.usage.code).empty() &&
                              !trimmed(original.usage.code).empty() &&
                              comparableText(fax.usage.code) != comparableText(original.usage.code);
    if (codes_differ || comparableText(fax.usage.text) != comparableText(original.usage.text))
        cmp.add(path + ".usage", label + " 用法", usageText(fax), usageText(original));
    cmp.lines(path + ".usage_supplements", label + " 用法補足", usageSupplementTexts(fax),
              usageSupplementTexts(original));

    compareItems(fax, original, path, label, cmp);
}

std::vector<std::string> drugSignature(const RpGroup& rp) {
    std::vector<std::string> keys;
    for (const auto& item : rp.items) keys.push_back(drugKey(item));
    std::sort(keys.begin(), keys.end());
    return keys;
}

void compareRps(const Prescription& fax, const Prescription& original, Comparison& cmp) {
    using Accept = std::function<bool(const RpGroup&, const RpGroup&)>;
    const std::vector<Accept> passes{
        [](const RpGroup& a, const RpGroup& b) {
            return a.rp_no == b.rp_no && drugSignature(a) == drugSignature(b);
        },
        [](const RpGroup& a, const RpGroup& b) { return drugSignature(a) == drugSignature(b); },
        [](const RpGroup& a, const RpGroup& b) { return a.rp_no == b.rp_no; },
    };
    auto pairs = pairUp(fax.rps, original.rps, passes);
    auto numberOf = [&](const Pair& p) {
        return p.second ? original.rps[*p.second].rp_no : fax.rps[*p.first].rp_no;
    };
    std::stable_sort(pairs.begin(), pairs.end(), [&](const Pair& a, const Pair& b) {
        return std::pair(numberOf(a), !a.second.has_value()) <
               std::pair(numberOf(b), !b.second.has_value());
    });

    for (const Pair& p : pairs) {
        if (p.first && p.second) {
            compareRp(fax.rps[*p.first], original.rps[*p.second], cmp);
            continue;
        }
        const RpGroup& rp = p.first ? fax.rps[*p.first] : original.rps[*p.second];
        const std::string number = std::to_string(rp.rp_no);
        cmp.add("rps[" + number + "]", "Rp" + number, p.first ? rpSummary(rp) : "",
                p.second ? rpSummary(rp) : "");
    }
}

std::vector<std::string> remarkTexts(const Prescription& p) {
    std::vector<std::string> texts;
    for (const auto& r : p.remarks) texts.push_back(r.text);
    return texts;
}

}  // namespace

ReconciliationResult Reconciler::compare(const Prescription& fax, const Prescription& original) {
    Comparison cmp;

    cmp.text("patient.name_kanji", "患者氏名", fax.patient.kanji, original.patient.kanji);
    cmp.text("patient.name_kana", "患者氏名(カナ)", fax.patient.kana, original.patient.kana);
    cmp.exact("patient.sex", "性別", sexText(fax.patient.sex), sexText(original.patient.sex));
    cmp.exact("patient.birth_date", "生年月日", dateText(fax.patient.birth_date),
              dateText(original.patient.birth_date));

    compareInsurance(fax, original, cmp);

    cmp.text("institution.code", "医療機関コード", fax.institution.code, original.institution.code);
    cmp.text("institution.prefecture", "都道府県番号", fax.institution.prefecture,
             original.institution.prefecture);
    cmp.text("institution.name", "医療機関名称", fax.institution.name, original.institution.name);

    cmp.text("prescriber.name_kanji", "処方医氏名", fax.prescriber.kanji,
             original.prescriber.kanji);
    cmp.text("prescriber.name_kana", "処方医氏名(カナ)", fax.prescriber.kana,
             original.prescriber.kana);

    cmp.exact("issue_date", "交付年月日", dateText(fax.issue_date), dateText(original.issue_date));
    cmp.exact("use_by_date", "使用期間", dateText(fax.use_by_date), dateText(original.use_by_date));
    cmp.text("narcotic.licence_no", "麻薬施用者免許番号",
             fax.narcotic ? fax.narcotic->licence_no : "",
             original.narcotic ? original.narcotic->licence_no : "");
    cmp.exact("refill_count", "リフィル回数", intText(fax.refill_count),
              intText(original.refill_count));

    compareRps(fax, original, cmp);

    cmp.lines("remarks", "備考", remarkTexts(fax), remarkTexts(original));

    ReconciliationResult result;
    result.differences = cmp.take();
    result.matched = result.differences.empty();
    result.original_readable = true;
    return result;
}

ReconciliationResult Reconciler::unreadableOriginal() {
    ReconciliationResult result;
    result.matched = false;
    result.original_readable = false;
    return result;
}

}  // namespace rxdesk::workflow
