#include "shipping/ParcelNumber.h"

#include <algorithm>
#include <random>

namespace rxdesk::shipping {

char luhnCheckDigit(std::string_view digits) {
    int sum = 0;
    bool twice = true;  // the digit next to the check digit is doubled
    for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
        int d = *it - '0';
        if (twice) {
            d *= 2;
            if (d > 9) d -= 9;
        }
        sum += d;
        twice = !twice;
    }
    return static_cast<char>('0' + (10 - sum % 10) % 10);
}

bool isValidParcelNumber(std::string_view number) {
    if (number.size() != 12 ||
        !std::all_of(number.begin(), number.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        return false;
    }
    return luhnCheckDigit(number.substr(0, 11)) == number[11];
}

std::string randomParcelNumber() {
    thread_local std::mt19937_64 engine{std::random_device{}()};
    std::uniform_int_distribution<int> digit(0, 9);
    std::string number;
    // A leading zero would be lost by spreadsheets opening the B2 export.
    number.push_back(static_cast<char>('1' + digit(engine) % 9));
    while (number.size() < 11) number.push_back(static_cast<char>('0' + digit(engine)));
    number.push_back(luhnCheckDigit(number));
    return number;
}

}  // namespace rxdesk::shipping
