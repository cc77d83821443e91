#pragma once

#include <string>

namespace rxdesk::labels {

/// One end of a delivery as printed: the recipient (patient) or the sender (pharmacy).
struct Party {
    std::string name;      ///< printed as given; 「様」 is added for recipients
    std::string postcode;  ///< "1000001" or "100-0001"; printed as 〒100-0001
    std::string address;   ///< one string; "\n" forces a line break
    std::string phone;     ///< printed after "TEL"
};

/// "100-0001" for a 7-digit postcode with or without its hyphen; anything else unchanged.
std::string formatPostcode(const std::string& postcode);

}  // namespace rxdesk::labels
