#pragma once

#include <string>

namespace rxdesk::prescription {

/// 麻薬施用 (JAHIS record 61): required on a prescription containing a narcotic.
struct NarcoticInfo {
    std::string licence_no;  ///< the prescriber's narcotic licence number (麻薬施用者免許番号)
    std::string patient_address;
    std::string patient_phone;

    friend bool operator==(const NarcoticInfo&, const NarcoticInfo&) = default;
};

}  // namespace rxdesk::prescription
