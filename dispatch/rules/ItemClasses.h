#pragma once

#include <set>

#include "dispatch/drugs/DrugInfo.h"
#include "dispatch/rules/HandlingVocabulary.h"

namespace rxdesk::dispatch {

/// The handling classes of a catalogued drug: control class from the claims master, the
/// rest from the pharmacy supplement. A drug without a supplement row gets only its control
/// class (room temperature, no flags): the import report should make such gaps visible.
std::set<HandlingClass> handlingClassesOf(const DrugInfo& drug);

}  // namespace rxdesk::dispatch
