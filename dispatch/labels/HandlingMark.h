#pragma once

#include <string_view>

namespace rxdesk::labels {

/// Handling instructions printed on a delivery label as bold boxed marks. None of them names
/// or hints at the contents.
enum class HandlingMark {
    Refrigerated,   ///< 要冷蔵 (chilled delivery), printed reversed (white on black)
    Frozen,         ///< 冷凍 (frozen delivery), printed reversed
    ThisSideUp,     ///< 天地無用
    RecipientOnly,  ///< 本人限定受取
    NoLeaveAtDoor,  ///< 置き配不可
    Fragile,        ///< ワレモノ注意
    KeepDry,        ///< 水濡れ注意
    Urgent,         ///< 至急
};

/// The Japanese text printed for a mark.
std::string_view handlingMarkText(HandlingMark mark);

/// True for marks printed reversed so that they stand out (cool-chain marks).
bool isReversedMark(HandlingMark mark);

}  // namespace rxdesk::labels
