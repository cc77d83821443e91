#include "shipping/LabelMarks.h"

#include <algorithm>
#include <array>

#include "dispatch/rules/HandlingRules.h"

namespace rxdesk::shipping {
namespace {

using labels::HandlingMark;

struct MarkName {
    HandlingMark mark;
    std::string_view name;
};

constexpr std::array kMarkNames{
    MarkName{HandlingMark::Refrigerated, "refrigerated"},
    MarkName{HandlingMark::Frozen, "frozen"},
    MarkName{HandlingMark::ThisSideUp, "this_side_up"},
    MarkName{HandlingMark::RecipientOnly, "recipient_only"},
    MarkName{HandlingMark::NoLeaveAtDoor, "no_leave_at_door"},
    MarkName{HandlingMark::Fragile, "fragile"},
    MarkName{HandlingMark::KeepDry, "keep_dry"},
    MarkName{HandlingMark::Urgent, "urgent"},
};

}  // namespace

std::string_view handlingMarkName(HandlingMark mark) {
    for (const MarkName& m : kMarkNames) {
        if (m.mark == mark) return m.name;
    }
    return "";
}

std::optional<HandlingMark> parseHandlingMarkName(std::string_view name) {
    for (const MarkName& m : kMarkNames) {
        if (m.name == name) return m.mark;
    }
    return std::nullopt;
}

std::vector<HandlingMark> labelMarks(const dispatch::PlannedParcel& parcel,
                                     dispatch::DeliveryMethod method) {
    std::vector<HandlingMark> marks;
    auto add = [&](HandlingMark m) {
        if (std::find(marks.begin(), marks.end(), m) == marks.end()) marks.push_back(m);
    };
    if (parcel.temperature == dispatch::ParcelTemperature::Chilled) add(HandlingMark::Refrigerated);
    if (parcel.temperature == dispatch::ParcelTemperature::Frozen) add(HandlingMark::Frozen);
    for (const dispatch::ParcelNote& note : dispatch::HandlingRules::notesFor(parcel, method)) {
        switch (note.kind) {
            case dispatch::NoteKind::IdentityCheck:
                add(HandlingMark::RecipientOnly);
                break;
            case dispatch::NoteKind::NoLeaveAtDoor:
                add(HandlingMark::NoLeaveAtDoor);
                break;
            case dispatch::NoteKind::Text:
                if (note.text == "天地無用") add(HandlingMark::ThisSideUp);
                if (note.text == "至急") add(HandlingMark::Urgent);
                break;
            case dispatch::NoteKind::Signature:
                break;
        }
    }
    return marks;
}

}  // namespace rxdesk::shipping
