#pragma once

#include <cstddef>

namespace rxdesk::prescription_json {

// Upper bounds the decoder enforces. They are far above what a real prescription needs
// and exist so that one request cannot make the pharmacy store or render absurd data.
// Text lengths count Unicode characters (code points), not bytes.

inline constexpr std::size_t kMaxRps = 50;           ///< Rp groups per prescription
inline constexpr std::size_t kMaxItemsPerRp = 30;    ///< drugs in one Rp
inline constexpr std::size_t kMaxRemarks = 30;       ///< 備考 lines
inline constexpr std::size_t kMaxSupplements = 10;   ///< per drug and per usage
inline constexpr std::size_t kMaxPublicFunding = 4;  ///< 公費 slots
inline constexpr int kMaxRpNo = 99;
inline constexpr int kMaxSeq = 99;
inline constexpr int kMaxDays = 365;      ///< days of supply for oral forms
inline constexpr int kMaxQuantity = 999;  ///< times / units for the other forms
inline constexpr int kMaxTimesPerDay = 24;
inline constexpr int kMaxAmountIntegerDigits = 5;  ///< amounts up to 99999
inline constexpr int kMaxAmountFractionDigits = 5;
inline constexpr int kMinYear = 1900;  ///< every date must lie in [kMinYear, kMaxYear]
inline constexpr int kMaxYear = 2199;

inline constexpr std::size_t kMaxNameLength = 100;  ///< names of people, drugs, institutions
inline constexpr std::size_t kMaxTextLength = 500;  ///< remarks, usage text, supplements
inline constexpr std::size_t kMaxAddressLength = 200;
inline constexpr std::size_t kMaxCodeLength = 20;       ///< identifiers and short codes
inline constexpr std::size_t kMaxShortTextLength = 40;  ///< units, card symbols, phone numbers

inline constexpr std::size_t kMaxClientReferenceLength = 64;
inline constexpr std::size_t kMaxJahisTextLength = 64 * 1024;
inline constexpr std::size_t kMaxImageBase64Length = 14 * 1024 * 1024;  ///< about 10 MiB decoded
inline constexpr std::size_t kMaxJsonDepth = 16;  ///< nesting the parser accepts

}  // namespace rxdesk::prescription_json
