#include "reporting/ReportCatalogue.h"

namespace rxdesk::reporting {

std::string_view paramTypeName(ParamType type) {
    switch (type) {
        case ParamType::Date:
            return "date";
        case ParamType::Month:
            return "month";
        case ParamType::Text:
            return "string";
        case ParamType::Integer:
            return "integer";
    }
    return "string";
}

std::span<const ReportDescription> reportCatalogue() {
    static const std::vector<ReportDescription> table{
        {"outstanding-originals",
         "原本未着一覧",
         {{"from", "受付日（開始）", ParamType::Date, false},
          {"to", "受付日（終了）", ParamType::Date, false}},
         {}},
        {"route-sheet", "配送一覧", {{"date", "配送日", ParamType::Date, true}}, {}},
        {"guidance-records",
         "服薬指導記録",
         {{"from", "開始日", ParamType::Date, true}, {"to", "終了日", ParamType::Date, true}},
         {}},
        {"fees", "算定集計", {{"month", "算定月", ParamType::Month, true}}, {}},
        {"controlled-handovers",
         "麻薬・向精神薬 交付記録",
         {{"from", "開始日", ParamType::Date, true}, {"to", "終了日", ParamType::Date, true}},
         {}},
        {"audit-extract",
         "監査抽出",
         {{"from", "開始日", ParamType::Date, true},
          {"to", "終了日", ParamType::Date, true},
          {"patient_ref", "患者 ID", ParamType::Text, false},
          {"prescription_id", "受付番号", ParamType::Integer, false}},
         {"patient_ref", "prescription_id"}},
    };
    return table;
}

}  // namespace rxdesk::reporting
