#include "prescription_json/Codes.h"

#include <array>
#include <utility>

namespace rxdesk::prescription_json {
namespace {

using prescription::DosageForm;
using prescription::DrugCodeSystem;
using prescription::FundingSlot;
using prescription::Sex;

constexpr std::array<std::pair<std::string_view, Sex>, 2> kSexes{{
    {"male", Sex::Male},
    {"female", Sex::Female},
}};

constexpr std::array<std::pair<std::string_view, DosageForm>, 7> kForms{{
    {"oral", DosageForm::Oral},
    {"as_needed", DosageForm::AsNeeded},
    {"external", DosageForm::External},
    {"oral_drops", DosageForm::OralDrops},
    {"injection", DosageForm::Injection},
    {"material", DosageForm::Material},
    {"unknown", DosageForm::Unknown},
}};

constexpr std::array<std::pair<std::string_view, DrugCodeSystem>, 6> kCodeSystems{{
    {"none", DrugCodeSystem::None},
    {"claims", DrugCodeSystem::Claims},
    {"mhlw", DrugCodeSystem::Mhlw},
    {"yj", DrugCodeSystem::Yj},
    {"hot", DrugCodeSystem::Hot},
    {"generic_name", DrugCodeSystem::GenericName},
}};

constexpr std::array<std::pair<std::string_view, FundingSlot>, 4> kSlots{{
    {"first", FundingSlot::First},
    {"second", FundingSlot::Second},
    {"third", FundingSlot::Third},
    {"special", FundingSlot::Special},
}};

template <typename Enum, std::size_t N>
std::string_view nameOf(const std::array<std::pair<std::string_view, Enum>, N>& table, Enum value) {
    for (const auto& [name, v] : table) {
        if (v == value) return name;
    }
    return {};
}

template <typename Enum, std::size_t N>
std::optional<Enum> valueOf(const std::array<std::pair<std::string_view, Enum>, N>& table,
                            std::string_view name) {
    for (const auto& [n, v] : table) {
        if (n == name) return v;
    }
    return std::nullopt;
}

bool isDigit(char c) {
    return c >= '0' && c <= '9';
}
bool isUpper(char c) {
    return c >= 'A' && c <= 'Z';
}

// 薬価基準収載医薬品コード and the codes built like it (YJ, 一般名コード): 4 digits of drug
// class, 3 digits of ingredient, a capital letter for the dosage form, then 4 digits or
// capitals (standard, brand, check digit; "ZZZ" in generic-name codes).
bool isPriceListShape(std::string_view code) {
    if (code.size() != 12) return false;
    for (std::size_t i = 0; i < 7; ++i) {
        if (!isDigit(code[i])) return false;
    }
    if (!isUpper(code[7])) return false;
    for (std::size_t i = 8; i < 12; ++i) {
        if (!isDigit(code[i]) && !isUpper(code[i])) return false;
    }
    return true;
}

}  // namespace

std::string_view sexName(Sex sex) {
    return nameOf(kSexes, sex);
}
std::optional<Sex> sexFromName(std::string_view name) {
    return valueOf(kSexes, name);
}

std::string_view dosageFormName(DosageForm form) {
    return nameOf(kForms, form);
}
std::optional<DosageForm> dosageFormFromName(std::string_view name) {
    return valueOf(kForms, name);
}

std::string_view drugCodeSystemName(DrugCodeSystem system) {
    return nameOf(kCodeSystems, system);
}
std::optional<DrugCodeSystem> drugCodeSystemFromName(std::string_view name) {
    return valueOf(kCodeSystems, name);
}

std::string_view fundingSlotName(FundingSlot slot) {
    return nameOf(kSlots, slot);
}
std::optional<FundingSlot> fundingSlotFromName(std::string_view name) {
    return valueOf(kSlots, name);
}

std::optional<std::string> drugCodeProblem(DrugCodeSystem system, std::string_view code) {
    switch (system) {
        case DrugCodeSystem::None:
            if (!code.empty()) return "code_system が none のときは code を指定できません";
            return std::nullopt;
        case DrugCodeSystem::Claims:
            if (!isDigits(code, 9, 9)) return "レセプト電算コード（claims）は数字 9 桁です";
            return std::nullopt;
        case DrugCodeSystem::Hot:
            if (!isDigits(code, 9, 9) && !isDigits(code, 13, 13))
                return "HOT コードは数字 9 桁または 13 桁です";
            return std::nullopt;
        case DrugCodeSystem::Mhlw:
        case DrugCodeSystem::Yj:
        case DrugCodeSystem::GenericName:
            if (!isPriceListShape(code))
                return "このコード体系のコードは 12 文字（数字 7 桁、英大文字 1 字、英大文字か数字 "
                       "4 字）です";
            return std::nullopt;
    }
    return "コード体系が不明です";
}

bool isDigits(std::string_view s, std::size_t min, std::size_t max) {
    if (s.size() < min || s.size() > max) return false;
    for (char c : s) {
        if (!isDigit(c)) return false;
    }
    return true;
}

bool isAsciiCode(std::string_view s, std::size_t max) {
    if (s.empty() || s.size() > max) return false;
    for (char c : s) {
        const bool ok =
            isDigit(c) || isUpper(c) || (c >= 'a' && c <= 'z') || c == '-' || c == '_' || c == '.';
        if (!ok) return false;
    }
    return true;
}

bool isPhoneNumber(std::string_view s) {
    if (s.size() > 24) return false;
    std::size_t digits = 0;
    for (char c : s) {
        if (isDigit(c)) {
            ++digits;
        } else if (c != '-' && c != '+' && c != '(' && c != ')' && c != ' ') {
            return false;
        }
    }
    return digits >= 2 && digits <= 20;
}

bool isPostcode(std::string_view s) {
    if (s.size() == 7) return isDigits(s, 7, 7);
    return s.size() == 8 && s[3] == '-' && isDigits(s.substr(0, 3), 3, 3) &&
           isDigits(s.substr(4), 4, 4);
}

}  // namespace rxdesk::prescription_json
