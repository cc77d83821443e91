#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "dispatch/labels/HandlingMark.h"
#include "dispatch/labels/Party.h"

namespace rxdesk::labels {

/// Everything printed on one delivery label. Deliberately nothing about the contents: the
/// outer packaging must not reveal that it holds medicine, let alone which (no drug names,
/// no diagnosis, no department), so there is no field to put them in.
struct LabelData {
    Party recipient;  ///< the patient (or the person receiving for them)
    Party sender;     ///< the pharmacy
    std::vector<HandlingMark> marks;
    std::string delivery_date;  ///< e.g. 「11月22日（土）」; empty = not specified
    std::string time_slot;      ///< e.g. 「14時〜16時」; empty = not specified
    std::optional<std::int64_t> cash_on_delivery_yen;  ///< 代金引換 amount; nullopt = none
    /// The parcel number: printable ASCII, at most kMaxParcelNumberLength characters.
    /// Printed as text, as Code 128 and as a QR code holding exactly this string.
    std::string parcel_number;
};

inline constexpr std::size_t kMaxParcelNumberLength = 32;

}  // namespace rxdesk::labels
