#pragma once

#include <optional>
#include <string>

#include "core/TokyoTime.h"

namespace rxdesk::prescription {

enum class Sex { Unknown = 0, Male = 1, Female = 2 };

/// The patient as printed on the prescription (JAHIS records 11–14).
struct Patient {
    std::string code;
    std::string kanji;
    std::string kana;
    Sex sex = Sex::Unknown;
    std::optional<Date> birth_date;
    std::optional<int> copay_class;  ///< 一部負担金区分 (record 14)

    friend bool operator==(const Patient&, const Patient&) = default;
};

}  // namespace rxdesk::prescription
