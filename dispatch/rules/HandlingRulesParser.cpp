#include "dispatch/rules/HandlingRulesParser.h"

#include <algorithm>
#include <set>
#include <string>

#include "core/TextEncoding.h"
#include "dispatch/csv/Csv.h"

namespace rxdesk::dispatch {
namespace {

std::optional<RuleCondition> parseCondition(std::string_view when) {
    using Kind = RuleCondition::Kind;
    if (when == "room") return RuleCondition{Kind::Room};
    if (when == "abroad") return RuleCondition{Kind::Abroad};
    if (when == "no_address") return RuleCondition{Kind::NoAddress};
    if (when == "any") return RuleCondition{Kind::Any};
    if (auto c = parseHandlingClass(when)) return RuleCondition{Kind::ItemClass, *c};
    return std::nullopt;
}

std::optional<RuleEffect> parseEffect(std::string_view effect) {
    if (effect == "refuse") return RuleEffect::Refuse;
    if (effect == "allow_only") return RuleEffect::AllowOnly;
    if (effect == "forbid") return RuleEffect::Forbid;
    if (effect == "note") return RuleEffect::Note;
    if (effect == "signature") return RuleEffect::Signature;
    if (effect == "identity_check") return RuleEffect::IdentityCheck;
    if (effect == "no_leave_at_door") return RuleEffect::NoLeaveAtDoor;
    return std::nullopt;
}

bool validId(std::string_view id) {
    return !id.empty() && std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
               c == '-' || c == '_';
    });
}

}  // namespace

HandlingRulesTable parseHandlingRules(std::string_view raw) {
    HandlingRulesTable table;
    if (raw.starts_with("\xEF\xBB\xBF")) raw.remove_prefix(3);
    if (!isValidUtf8(raw)) {
        table.problems.push_back({1, "bad_encoding", "ルール表は UTF-8 で保存してください"});
        return table;
    }
    bool have_header = false;
    std::set<std::string> ids;
    for (const CsvRecord& record : splitCsvRecords(raw)) {
        std::string_view trimmed = trimAscii(record.raw);
        if (trimmed.empty() || trimmed.starts_with('#')) continue;
        auto problem = [&](std::string code, std::string reason) {
            table.problems.push_back({record.line, std::move(code), std::move(reason)});
        };
        auto fields = parseCsvFields(record.raw);
        if (!fields) {
            problem("bad_csv", "引用符（\"）の対応が取れていません");
            continue;
        }
        for (std::string& f : *fields) f = std::string(trimAscii(f));
        if (!have_header) {
            if (*fields != std::vector<std::string>{"id", "when", "effect", "methods", "text"}) {
                problem("bad_header", "見出し行は id,when,effect,methods,text にしてください");
                return table;
            }
            have_header = true;
            continue;
        }
        if (fields->size() != 5) {
            problem("column_count", "列は id,when,effect,methods,text の5列です");
            continue;
        }
        HandlingRule rule;
        rule.line = record.line;
        rule.id = (*fields)[0];
        if (!validId(rule.id)) {
            problem("bad_id", "ルールIDは英数字・-・_ で書いてください");
            continue;
        }
        if (!ids.insert(rule.id).second) {
            problem("duplicate_id", "ルールID「" + rule.id + "」が重複しています");
            continue;
        }
        auto when = parseCondition((*fields)[1]);
        if (!when) {
            problem("bad_when", "条件「" + (*fields)[1] + "」は使えません");
            continue;
        }
        rule.when = *when;
        auto effect = parseEffect((*fields)[2]);
        if (!effect) {
            problem("bad_effect", "効果「" + (*fields)[2] + "」は使えません");
            continue;
        }
        rule.effect = *effect;
        bool methods_ok = true;
        std::string_view list = (*fields)[3];
        while (!list.empty()) {
            std::size_t bar = list.find('|');
            std::string_view name = trimAscii(list.substr(0, bar));
            auto method = parseDeliveryMethod(name);
            if (!method) {
                problem("bad_method", "配送方法「" + std::string(name) + "」は使えません");
                methods_ok = false;
                break;
            }
            rule.methods.push_back(*method);
            list = bar == std::string_view::npos ? std::string_view{} : list.substr(bar + 1);
        }
        if (!methods_ok) continue;
        if (rule.effect == RuleEffect::Refuse && !rule.methods.empty()) {
            problem("methods_not_allowed", "refuse の行では methods を空欄にしてください");
            continue;
        }
        if ((rule.effect == RuleEffect::AllowOnly || rule.effect == RuleEffect::Forbid) &&
            rule.methods.empty()) {
            problem("methods_required", "allow_only・forbid の行には methods が必要です");
            continue;
        }
        rule.text = (*fields)[4];
        if (rule.text.empty()) {
            problem("missing_text", "text（理由または注記）が空です");
            continue;
        }
        table.rules.push_back(std::move(rule));
    }
    if (!have_header) {
        table.problems.push_back(
            {1, "bad_header", "見出し行 id,when,effect,methods,text がありません"});
    }
    return table;
}

}  // namespace rxdesk::dispatch
