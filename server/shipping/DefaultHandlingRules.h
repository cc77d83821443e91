#pragma once

#include <string_view>

namespace rxdesk::shipping {

/// The text of etc/handling_rules.csv as it was when rxdesk was built: the table used when
/// rxdesk.dispatch.rules_file is not set.
std::string_view defaultHandlingRulesText();

}  // namespace rxdesk::shipping
