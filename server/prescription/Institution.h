#pragma once

#include <optional>
#include <string>

namespace rxdesk::prescription {

/// The prescribing medical institution (JAHIS records 1–4).
struct Institution {
    std::optional<int> code_type;  ///< 1 医科, 3 歯科 (record 1)
    std::string code;              ///< 7-digit institution code
    std::string prefecture;        ///< 2-digit prefecture code
    std::string name;
    std::string postcode;  ///< record 2
    std::string address;
    std::string phone;  ///< record 3
    std::string fax;
    std::string other_contact;
    std::optional<int> department_code_type;  ///< record 4
    std::string department_code;
    std::string department;  ///< department name, e.g. 内科

    friend bool operator==(const Institution&, const Institution&) = default;
};

}  // namespace rxdesk::prescription
