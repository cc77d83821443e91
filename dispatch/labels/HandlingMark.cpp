#include "dispatch/labels/HandlingMark.h"

namespace rxdesk::labels {

std::string_view handlingMarkText(HandlingMark mark) {
    switch (mark) {
        case HandlingMark::Refrigerated:
            return "要冷蔵";
        case HandlingMark::Frozen:
            return "冷凍";
        case HandlingMark::ThisSideUp:
            return "天地無用";
        case HandlingMark::RecipientOnly:
            return "本人限定受取";
        case HandlingMark::NoLeaveAtDoor:
            return "置き配不可";
        case HandlingMark::Fragile:
            return "ワレモノ注意";
        case HandlingMark::KeepDry:
            return "水濡れ注意";
        case HandlingMark::Urgent:
            return "至急";
    }
    return "";
}

bool isReversedMark(HandlingMark mark) {
    return mark == HandlingMark::Refrigerated || mark == HandlingMark::Frozen;
}

}  // namespace rxdesk::labels
