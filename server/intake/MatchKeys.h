#pragma once

#include <string>
#include <string_view>

#include "prescription/Prescription.h"

namespace rxdesk::intake {

/// A pseudonymous, stable patient reference for the audit trail and matching: "pt-" and 16
/// hex digits of SHA-256 over the normalised kana name and birth date. "" when the
/// prescription does not identify the patient well enough.
std::string patientRef(const prescription::Prescription& rx);

/// The key that makes two arrivals "the same prescription": institution + prescription
/// number when the number is printed, else institution + issue date + patient + every
/// item's code and amount. "" when there is not enough to match on.
std::string matchKey(const prescription::Prescription& rx);

/// The institution code as the clinic registry keeps it: the 10-digit form (prefecture +
/// code type + 7-digit code) when the prescription has all three, else the code as printed.
std::string institutionCodeOf(const prescription::Prescription& rx);

/// Digits only ("03-1234-5678" → "0312345678"); how fax numbers are compared.
std::string normalizeFaxNumber(std::string_view number);

}  // namespace rxdesk::intake
