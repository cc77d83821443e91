#pragma once

#include <string_view>
#include <vector>

#include "dispatch/drugs/ImportProblem.h"
#include "dispatch/drugs/SupplementEntry.h"

namespace rxdesk::dispatch {

/// Outcome of reading the pharmacy supplement file.
struct SupplementImport {
    std::vector<SupplementEntry> entries;
    std::vector<ImportProblem> bad_lines;
};

/// Parses the pharmacy supplement CSV (UTF-8 with or without BOM, or Shift_JIS).
///
/// Format: lines starting with '#' and blank lines are ignored. The first other line is the
/// header; columns may come in any order and each header has a Japanese and an English name:
///   コード|code (required)  9-digit claims code or 12-character YJ code (kind detected)
///   名称|name               informational only, ignored
///   保管|storage            室温/常温/room (or empty), 冷所/冷蔵/cold, 冷凍/frozen
///   遮光|light, 劇薬|powerful, 放射性|radiopharmaceutical, 至急|urgent,
///   振盪禁止|振とう禁止|do_not_shake, 緊急避妊薬|emergency_contraceptive,
///   ハイリスク|high_risk    flags: 1/○/〇/はい/yes/true/y set, 0/×/いいえ/no/false/n/-/empty
///                           clear
///   乱用|misuse             睡眠薬/hypnotic, 利尿薬/diuretic, 糖尿病薬/diabetes,
///                           保湿剤/cosmetic_moisturiser, or empty/- (not on the watch list)
///   HOT|hot                 HOT codes (7, 9 or 13 digits) separated by spaces or '|'
///   メモ|note               free text
/// A header with an unknown or repeated column name, or without a code column, makes the
/// whole file unusable: no entries, one problem on the header line (a typo must not
/// silently drop a flag). A data line with a bad code, value or column count, or a code
/// already seen, is reported and skipped. If the bytes are neither UTF-8 nor Shift_JIS the
/// result holds one problem on line 1.
SupplementImport parseSupplement(std::string_view bytes);

}  // namespace rxdesk::dispatch
