#include "dispatch/drugs/SupplementParser.h"

#include <array>
#include <optional>
#include <set>
#include <string>

#include "dispatch/csv/Csv.h"

namespace rxdesk::dispatch {
namespace {

enum class Column {
    Code,
    Name,
    Storage,
    Light,
    Powerful,
    Radio,
    Urgent,
    NoShake,
    EmergencyContraceptive,
    HighRisk,
    Misuse,
    Hot,
    Note,
};

struct HeaderName {
    std::string_view text;
    Column column;
};

constexpr std::array kHeaderNames{
    HeaderName{"コード", Column::Code},
    HeaderName{"code", Column::Code},
    HeaderName{"名称", Column::Name},
    HeaderName{"name", Column::Name},
    HeaderName{"保管", Column::Storage},
    HeaderName{"storage", Column::Storage},
    HeaderName{"遮光", Column::Light},
    HeaderName{"light", Column::Light},
    HeaderName{"劇薬", Column::Powerful},
    HeaderName{"powerful", Column::Powerful},
    HeaderName{"放射性", Column::Radio},
    HeaderName{"radiopharmaceutical", Column::Radio},
    HeaderName{"至急", Column::Urgent},
    HeaderName{"urgent", Column::Urgent},
    HeaderName{"振盪禁止", Column::NoShake},
    HeaderName{"振とう禁止", Column::NoShake},
    HeaderName{"do_not_shake", Column::NoShake},
    HeaderName{"緊急避妊薬", Column::EmergencyContraceptive},
    HeaderName{"emergency_contraceptive", Column::EmergencyContraceptive},
    HeaderName{"ハイリスク", Column::HighRisk},
    HeaderName{"high_risk", Column::HighRisk},
    HeaderName{"乱用", Column::Misuse},
    HeaderName{"misuse", Column::Misuse},
    HeaderName{"HOT", Column::Hot},
    HeaderName{"hot", Column::Hot},
    HeaderName{"メモ", Column::Note},
    HeaderName{"note", Column::Note},
};

std::optional<Column> columnFor(std::string_view header) {
    for (const HeaderName& h : kHeaderNames) {
        if (h.text == header) return h.column;
    }
    return std::nullopt;
}

std::optional<bool> parseFlag(std::string_view v) {
    for (std::string_view yes : {"1", "○", "〇", "はい", "yes", "true", "y", "Y"}) {
        if (v == yes) return true;
    }
    for (std::string_view no : {"", "0", "×", "いいえ", "no", "false", "n", "N", "-"}) {
        if (v == no) return false;
    }
    return std::nullopt;
}

std::optional<std::vector<std::string>> parseHotList(std::string_view v) {
    std::vector<std::string> codes;
    std::string current;
    auto flush = [&] {
        if (!current.empty()) codes.push_back(current);
        current.clear();
    };
    for (char c : v) {
        if (c == ' ' || c == '|' || c == '\t') {
            flush();
        } else {
            current.push_back(c);
        }
    }
    flush();
    for (const std::string& c : codes) {
        if (!isHotCode(c)) return std::nullopt;
    }
    return codes;
}

const char* flagName(Column c) {
    switch (c) {
        case Column::Light:
            return "遮光";
        case Column::Powerful:
            return "劇薬";
        case Column::Radio:
            return "放射性";
        case Column::Urgent:
            return "至急";
        case Column::NoShake:
            return "振盪禁止";
        case Column::EmergencyContraceptive:
            return "緊急避妊薬";
        case Column::HighRisk:
            return "ハイリスク";
        default:
            return "";
    }
}

bool* flagField(SupplementEntry& e, Column c) {
    switch (c) {
        case Column::Light:
            return &e.protect_from_light;
        case Column::Powerful:
            return &e.powerful;
        case Column::Radio:
            return &e.radiopharmaceutical;
        case Column::Urgent:
            return &e.urgent;
        case Column::NoShake:
            return &e.do_not_shake;
        case Column::EmergencyContraceptive:
            return &e.emergency_contraceptive;
        case Column::HighRisk:
            return &e.high_risk;
        default:
            return nullptr;
    }
}

}  // namespace

SupplementImport parseSupplement(std::string_view bytes) {
    SupplementImport result;
    std::optional<std::string> text = decodeUtf8OrCp932(bytes);
    if (!text) {
        result.bad_lines.push_back(
            {1, "bad_encoding", "UTF-8 としても Shift_JIS としても読めないファイルです"});
        return result;
    }
    std::vector<Column> columns;
    bool have_header = false;
    std::set<std::string> seen_codes;
    for (const CsvRecord& record : splitCsvRecords(*text)) {
        if (trimAscii(record.raw).empty() || trimAscii(record.raw).starts_with('#')) continue;
        auto reject = [&](std::string code, std::string reason) {
            result.bad_lines.push_back({record.line, std::move(code), std::move(reason)});
        };
        std::optional<std::vector<std::string>> fields = parseCsvFields(record.raw);
        if (!fields) {
            if (!have_header) {
                reject("bad_header", "見出し行の引用符（\"）の対応が取れていません");
                return result;
            }
            reject("bad_csv", "引用符（\"）の対応が取れていません");
            continue;
        }
        if (!have_header) {
            std::set<Column> used;
            for (const std::string& raw_name : *fields) {
                std::string name(trimAscii(raw_name));
                std::optional<Column> column = columnFor(name);
                if (!column) {
                    reject("unknown_column", "見出し「" + name + "」は使えない列名です");
                    return result;
                }
                if (!used.insert(*column).second) {
                    reject("duplicate_column", "見出し「" + name + "」が重複しています");
                    return result;
                }
                columns.push_back(*column);
            }
            if (!used.contains(Column::Code)) {
                reject("missing_code_column", "見出しに「コード」列がありません");
                return result;
            }
            have_header = true;
            continue;
        }
        if (fields->size() != columns.size()) {
            reject("column_count", "列数が見出しと一致しません（見出し" +
                                       std::to_string(columns.size()) + "列、この行" +
                                       std::to_string(fields->size()) + "列）");
            continue;
        }
        SupplementEntry entry;
        std::string problem_code;
        std::string problem;
        for (std::size_t i = 0; i < columns.size() && problem.empty(); ++i) {
            std::string value(trimAscii((*fields)[i]));
            switch (columns[i]) {
                case Column::Code:
                    if (isClaimsCode(value)) {
                        entry.key_kind = DrugCodeKind::Claims;
                    } else if (isYjCode(value)) {
                        entry.key_kind = DrugCodeKind::Yj;
                    } else {
                        problem_code = "bad_code";
                        problem = "コードが9桁の医薬品コードでも12桁のYJコードでもありません";
                    }
                    entry.code = value;
                    break;
                case Column::Name:
                    break;
                case Column::Storage:
                    if (auto s = parseStorageTemperature(value)) {
                        entry.storage = *s;
                    } else {
                        problem_code = "bad_storage";
                        problem = "保管は 室温・冷所・冷凍 のいずれかで書いてください";
                    }
                    break;
                case Column::Hot:
                    if (auto hot = parseHotList(value)) {
                        entry.hot_codes = std::move(*hot);
                    } else {
                        problem_code = "bad_hot_code";
                        problem = "HOTコードは7桁・9桁・13桁の数字で書いてください";
                    }
                    break;
                case Column::Misuse:
                    if (auto m = parseMisuseConcern(value)) {
                        entry.misuse = *m;
                    } else {
                        problem_code = "bad_misuse";
                        problem =
                            "乱用は 睡眠薬・利尿薬・糖尿病薬・保湿剤 "
                            "のいずれか（または空欄）で書いてください";
                    }
                    break;
                case Column::Note:
                    entry.note = value;
                    break;
                default:
                    if (auto flag = parseFlag(value)) {
                        *flagField(entry, columns[i]) = *flag;
                    } else {
                        problem_code = "bad_flag";
                        problem = std::string(flagName(columns[i])) +
                                  " の値は 1（該当）か 0・空欄（非該当）で書いてください";
                    }
                    break;
            }
        }
        if (!problem.empty()) {
            reject(problem_code, problem);
            continue;
        }
        if (!seen_codes.insert(entry.code).second) {
            reject("duplicate_code", "同じコードが前の行にあります（最初の行を採用）");
            continue;
        }
        result.entries.push_back(std::move(entry));
    }
    return result;
}

}  // namespace rxdesk::dispatch
