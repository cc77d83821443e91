#pragma once

#include <string>
#include <string_view>

namespace rxdesk::shipping {

/// Parcel numbers are 12 digits: 11 digits chosen at random (not guessable from a
/// neighbour's) followed by a Luhn check digit, so a mistyped or misread number is caught
/// before any lookup.

/// The Luhn check digit for `digits` (ASCII digits only).
char luhnCheckDigit(std::string_view digits);

/// True when `number` is 12 ASCII digits whose last digit is the Luhn check digit of the
/// first 11.
bool isValidParcelNumber(std::string_view number);

/// A fresh random parcel number (uniqueness is the store's job: callers retry on a clash).
std::string randomParcelNumber();

}  // namespace rxdesk::shipping
