#pragma once

#include <optional>
#include <string>

namespace rxdesk::prescription {

/// One 備考 line (JAHIS record 81), e.g. 「オンライン対応」.
struct Remark {
    int seq = 0;
    std::optional<int> kind;  ///< 備考種別 (1 一包化, 3 分割 …); empty for free text
    std::string text;

    friend bool operator==(const Remark&, const Remark&) = default;
};

}  // namespace rxdesk::prescription
