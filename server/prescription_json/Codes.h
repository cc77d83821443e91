#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "prescription/DrugItem.h"
#include "prescription/Insurance.h"
#include "prescription/Patient.h"
#include "prescription/RpGroup.h"

namespace rxdesk::prescription_json {

// Internal to rxdesk_prescription_json: the JSON names of the model's enums and the
// shapes of codes, shared by the decoder and the encoder so that they cannot drift apart.

/// "male", "female"; "" for Sex::Unknown (the member is then left out).
std::string_view sexName(prescription::Sex sex);
std::optional<prescription::Sex> sexFromName(std::string_view name);
inline constexpr std::string_view kSexNames = "male, female";

/// "oral", "as_needed", "external", "oral_drops", "injection", "material", "unknown".
std::string_view dosageFormName(prescription::DosageForm form);
std::optional<prescription::DosageForm> dosageFormFromName(std::string_view name);
inline constexpr std::string_view kDosageFormNames =
    "oral, as_needed, external, oral_drops, injection, material, unknown";

/// "none", "claims", "mhlw", "yj", "hot", "generic_name".
std::string_view drugCodeSystemName(prescription::DrugCodeSystem system);
std::optional<prescription::DrugCodeSystem> drugCodeSystemFromName(std::string_view name);
inline constexpr std::string_view kDrugCodeSystemNames =
    "none, claims, mhlw, yj, hot, generic_name";

/// "first", "second", "third", "special".
std::string_view fundingSlotName(prescription::FundingSlot slot);
std::optional<prescription::FundingSlot> fundingSlotFromName(std::string_view name);
inline constexpr std::string_view kFundingSlotNames = "first, second, third, special";

/// nullopt when `code` has the shape its system requires (claims: 9 digits; mhlw, yj,
/// generic_name: 12 characters, 7 digits + a capital letter + 4 digits/capitals; hot: 9 or
/// 13 digits; none: empty), else why not, in Japanese, without the code itself.
std::optional<std::string> drugCodeProblem(prescription::DrugCodeSystem system,
                                           std::string_view code);

/// True when `s` is between min and max ASCII digits.
bool isDigits(std::string_view s, std::size_t min, std::size_t max);
/// ASCII letters, digits and '-', '_', '.', 1..max characters.
bool isAsciiCode(std::string_view s, std::size_t max);
/// Phone or fax number: ASCII digits, '-', '+', '(', ')' and spaces, with 2..20 digits.
bool isPhoneNumber(std::string_view s);
/// Japanese postcode "NNN-NNNN" or "NNNNNNN".
bool isPostcode(std::string_view s);

}  // namespace rxdesk::prescription_json
