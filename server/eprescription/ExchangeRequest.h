#pragma once

#include <string>

#include "core/TokyoTime.h"

namespace rxdesk::eprescription {

/// What the patient hands the pharmacy to fetch an e-prescription: the exchange number
/// (引換番号) and, as a check of identity, the insurer number (保険者番号) and birth date.
/// All three are patient data: never log them or put them in an error message.
struct ExchangeRequest {
    std::string exchange_number;
    std::string insurer_number;
    Date birth_date;

    friend bool operator==(const ExchangeRequest&, const ExchangeRequest&) = default;
};

}  // namespace rxdesk::eprescription
