#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "dispatch/labels/HandlingMark.h"
#include "dispatch/rules/ShippingPlan.h"

namespace rxdesk::shipping {

/// "refrigerated", "frozen", "this_side_up", "recipient_only", "no_leave_at_door",
/// "fragile", "keep_dry", "urgent": for storage and APIs.
std::string_view handlingMarkName(labels::HandlingMark mark);
std::optional<labels::HandlingMark> parseHandlingMarkName(std::string_view name);

/// The marks on the outer label of `parcel` travelling by `method`: 要冷蔵 / 冷凍 from its
/// temperature, 本人限定受取 from an identity-check note, 置き配不可 from a no-leave note,
/// 天地無用 and 至急 from text notes with exactly that text. Nothing else of the plan's
/// notes reaches the label (notes may speak of the contents, the label must not).
std::vector<labels::HandlingMark> labelMarks(const dispatch::PlannedParcel& parcel,
                                             dispatch::DeliveryMethod method);

}  // namespace rxdesk::shipping
