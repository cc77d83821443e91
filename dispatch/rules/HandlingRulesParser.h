#pragma once

#include <string_view>
#include <vector>

#include "dispatch/drugs/ImportProblem.h"
#include "dispatch/rules/HandlingRule.h"

namespace rxdesk::dispatch {

/// Outcome of reading a handling rules table.
struct HandlingRulesTable {
    std::vector<HandlingRule> rules;      ///< in table order (order decides which refusal is named)
    std::vector<ImportProblem> problems;  ///< any problem means the table must not be used
};

/// Parses the rules table text (UTF-8, optional BOM; see etc/handling_rules.csv).
///
/// Lines starting with '#' and blank lines are ignored. The first other line must be the
/// header `id,when,effect,methods,text`. Each row:
///   id       unique rule id ([A-Za-z0-9_-]+)
///   when     a class name (narcotic, psychotropic, poison, stimulant_raw_material, powerful,
///            radiopharmaceutical, cold, frozen, light, urgent, emergency_contraceptive,
///            do_not_shake) or room, abroad, no_address, any
///   effect   refuse | allow_only | forbid | note | signature | identity_check |
///            no_leave_at_door
///   methods  delivery method names separated by '|'; required for allow_only and forbid,
///            must be empty for refuse, empty means "all methods" for the note-like effects
///   text     Japanese reason or label note, required
/// Every row with a problem is reported (with its line) and left out.
HandlingRulesTable parseHandlingRules(std::string_view text);

}  // namespace rxdesk::dispatch
