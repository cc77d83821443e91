#include "dispatch/labels/Party.h"

namespace rxdesk::labels {

std::string formatPostcode(const std::string& postcode) {
    std::string digits;
    for (char c : postcode) {
        if (c >= '0' && c <= '9') {
            digits += c;
        } else if (c != '-') {
            return postcode;
        }
    }
    if (digits.size() != 7) return postcode;
    return digits.substr(0, 3) + "-" + digits.substr(3);
}

}  // namespace rxdesk::labels
