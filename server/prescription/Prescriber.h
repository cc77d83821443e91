#pragma once

#include <string>

namespace rxdesk::prescription {

/// The prescribing doctor (JAHIS record 5). The narcotic licence number travels with the
/// narcotic record (61), see NarcoticInfo.
struct Prescriber {
    std::string code;
    std::string kana;
    std::string kanji;

    friend bool operator==(const Prescriber&, const Prescriber&) = default;
};

}  // namespace rxdesk::prescription
