#include "intake/MatchKeys.h"

#include "core/TokyoTime.h"
#include "crypto/Hashing.h"
#include "workflow/ComparableText.h"

namespace rxdesk::intake {
namespace {

std::string normalized(std::string_view text) { return workflow::comparableText(text); }

}  // namespace

std::string patientRef(const prescription::Prescription& rx) {
    const auto& p = rx.patient;
    std::string name = normalized(p.kana.empty() ? p.kanji : p.kana);
    if (name.empty() || !p.birth_date) return "";
    return "pt-" + crypto::sha256Hex(name + "|" + formatDate(*p.birth_date)).substr(0, 16);
}

std::string matchKey(const prescription::Prescription& rx) {
    const std::string institution = normalized(rx.institution.code);
    if (institution.empty()) return "";
    if (!rx.prescription_number.empty())
        return "n:" + crypto::sha256Hex(institution + "|" + normalized(rx.prescription_number));
    std::string patient = patientRef(rx);
    if (patient.empty() || !rx.issue_date || rx.rps.empty()) return "";
    std::string items;
    for (const auto& rp : rx.rps)
        for (const auto& item : rp.items)
            items += normalized(item.code.empty() ? item.name : item.code) + "=" +
                     workflow::comparableAmount(item.amount) + ";";
    return "c:" + crypto::sha256Hex(institution + "|" + formatDate(*rx.issue_date) + "|" + patient +
                                    "|" + items);
}

std::string institutionCodeOf(const prescription::Prescription& rx) {
    const auto& inst = rx.institution;
    return inst.prefecture.size() == 2 && inst.code_type && inst.code.size() == 7
               ? inst.prefecture + std::to_string(*inst.code_type) + inst.code
               : inst.code;
}

std::string normalizeFaxNumber(std::string_view number) {
    std::string digits;
    for (char c : number)
        if (c >= '0' && c <= '9') digits += c;
    return digits;
}

}  // namespace rxdesk::intake
