#pragma once

#include "checks/TableDrugClassifier.h"

namespace rxdesk::checks {

/// A TableDrugClassifier preloaded with name keywords for a few well-known drugs in each
/// class (e.g. レボノルゲストレル, ゾルピデム, モルヒネ, ヘパリン類似物質). A stopgap until
/// the drug master is loaded: it is far from complete, so an unflagged drug proves nothing.
TableDrugClassifier builtinKeywordClassifier();

}  // namespace rxdesk::checks
