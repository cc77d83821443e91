#include "dispatch/drugs/DrugCodes.h"

#include <algorithm>

namespace rxdesk::dispatch {
namespace {

bool allDigits(std::string_view s) {
    return !s.empty() &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

bool isClaimsCode(std::string_view code) {
    return code.size() == 9 && allDigits(code);
}

bool isYjCode(std::string_view code) {
    if (code.size() != 12 || !allDigits(code.substr(0, 4))) return false;
    return std::all_of(code.begin(), code.end(),
                       [](char c) { return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z'); });
}

bool isHotCode(std::string_view code) {
    return (code.size() == 7 || code.size() == 9 || code.size() == 13) && allDigits(code);
}

}  // namespace rxdesk::dispatch
