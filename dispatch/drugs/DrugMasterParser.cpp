#include "dispatch/drugs/DrugMasterParser.h"

#include <string>
#include <unordered_set>

#include "core/TextEncoding.h"
#include "dispatch/csv/Csv.h"
#include "dispatch/drugs/DrugCodes.h"

namespace rxdesk::dispatch {
namespace {

std::optional<ControlClass> parseControlClass(std::string_view text) {
    if (text == "0") return ControlClass::None;
    if (text == "1") return ControlClass::Narcotic;
    if (text == "2") return ControlClass::Poison;
    if (text == "3") return ControlClass::StimulantRawMaterial;
    if (text == "5") return ControlClass::Psychotropic;
    return std::nullopt;
}

}  // namespace

DrugMasterImport parseDrugMaster(std::string_view cp932_bytes) {
    DrugMasterImport result;
    std::unordered_set<std::string> seen;
    auto reject = [&](std::size_t line, std::string code, std::string reason) {
        result.bad_lines.push_back({line, std::move(code), std::move(reason)});
    };
    for (const CsvRecord& record : splitCsvRecords(cp932_bytes)) {
        // Decoding line by line keeps one corrupt byte from losing the whole file.
        std::optional<std::string> text = cp932ToUtf8(record.raw);
        if (!text) {
            reject(record.line, "bad_encoding", "Shift_JIS として読めない文字があります");
            continue;
        }
        std::optional<std::vector<std::string>> fields = parseCsvFields(*text);
        if (!fields) {
            reject(record.line, "bad_csv", "引用符（\"）の対応が取れていません");
            continue;
        }
        if (fields->size() < kDrugMasterMinColumns) {
            reject(record.line, "too_few_columns",
                   "列が不足しています（" + std::to_string(kDrugMasterMinColumns) + "列以上必要、" +
                       std::to_string(fields->size()) + "列）");
            continue;
        }
        auto col = [&](std::size_t one_based) {
            return std::string(trimAscii((*fields)[one_based - 1]));
        };
        MasterDrug drug;
        drug.claims_code = col(3);
        if (!isClaimsCode(drug.claims_code)) {
            reject(record.line, "bad_claims_code", "3列目の医薬品コードが9桁の数字ではありません");
            continue;
        }
        drug.name = col(5);
        if (drug.name.empty()) {
            reject(record.line, "missing_name", "5列目の医薬品名が空です");
            continue;
        }
        drug.kana_name = col(7);
        drug.unit = col(10);
        std::optional<ControlClass> control = parseControlClass(col(14));
        if (!control) {
            reject(
                record.line, "bad_control_class",
                "14列目の麻薬・毒薬・覚醒剤原料・向精神薬区分が 0/1/2/3/5 のいずれでもありません");
            continue;
        }
        drug.control = *control;
        std::string yj = col(32);
        if (!yj.empty()) {
            if (!isYjCode(yj)) {
                reject(record.line, "bad_yj_code",
                       "32列目の薬価基準収載医薬品コードが12桁ではありません");
                continue;
            }
            drug.yj_code = yj;
        }
        if (!seen.insert(drug.claims_code).second) {
            reject(record.line, "duplicate_claims_code",
                   "同じ医薬品コードが前の行にあります（最初の行を採用）");
            continue;
        }
        result.drugs.push_back(std::move(drug));
    }
    return result;
}

}  // namespace rxdesk::dispatch
