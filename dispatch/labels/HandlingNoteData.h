#pragma once

#include <string>
#include <vector>

#include "dispatch/labels/Party.h"

namespace rxdesk::labels {

/// One dispensed drug as listed on the handling note.
struct HandlingNoteItem {
    std::string name;    ///< e.g. 「インスリン グラルギン注ソロスター」
    std::string amount;  ///< e.g. 「2本」, 「28錠（14日分）」
    std::string usage;   ///< e.g. 「1日1回 就寝前」
    std::string storage;  ///< e.g. 「冷所（2〜8℃）」; empty = room temperature, printed 「室温」
};

/// The handling note (同梱書類) packed inside the parcel with the medicine. Unlike the label
/// it lists the contents, since only the patient sees it.
struct HandlingNoteData {
    std::string recipient_name;  ///< printed with 様
    std::string dispensed_on;    ///< e.g. 「2026年11月21日」; empty = not printed
    std::string parcel_number;   ///< to quote when calling the pharmacy; empty = not printed
    std::vector<HandlingNoteItem> items;
    /// Storage instructions, one per entry, e.g. 「届いたらすぐに冷蔵庫（2〜8℃）に入れて
    /// ください。凍らせないでください。」
    std::vector<std::string> storage_instructions;
    /// What to do if the parcel arrives warm, frozen when it should not be, damaged or
    /// opened. Empty: the standard text kDefaultArrivalInstructions is printed.
    std::vector<std::string> arrival_instructions;
    Party pharmacy;
    std::string pharmacist_name;  ///< 担当薬剤師; empty = not printed
    std::string contact_hours;    ///< e.g. 「平日 9:00〜18:00」; empty = not printed
};

/// Printed when HandlingNoteData::arrival_instructions is empty.
inline const std::vector<std::string> kDefaultArrivalInstructions = {
    "お荷物が温かくなっていた、凍っていた、破損・開封されていた、中身が足りないなどの場合は、"
    "お薬を使用せずに、下記の薬局までご連絡ください。",
    "お薬を受け取られたことを確認するため、薬局からご連絡することがあります。",
};

}  // namespace rxdesk::labels
