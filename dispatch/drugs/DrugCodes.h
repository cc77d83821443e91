#pragma once

#include <string_view>

namespace rxdesk::dispatch {

/// The code systems a drug can be named by on a prescription (JAHIS record 201 code types
/// 2, 4 and 6).
enum class DrugCodeKind {
    Claims,  ///< 9-digit claims (レセプト電算) code
    Yj,      ///< 12-character YJ / 薬価基準収載医薬品コード
    Hot,     ///< HOT code: 7 (処方用番号), 9 (HOT9) or 13 (基準番号) digits
};

/// True when `code` is exactly 9 ASCII digits.
bool isClaimsCode(std::string_view code);

/// True when `code` is 12 characters of [0-9A-Z] starting with 4 digits.
bool isYjCode(std::string_view code);

/// True when `code` is 7, 9 or 13 ASCII digits.
bool isHotCode(std::string_view code);

}  // namespace rxdesk::dispatch
