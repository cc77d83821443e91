#pragma once

#include <string>
#include <vector>

#include "core/Clock.h"
#include "core/TokyoTime.h"
#include "reports/model/Report.h"

namespace rxdesk::originals {

/// One missing original as printed on a chase letter: only what the clinic needs to find
/// it (no name, no birth date, no drugs).
struct ChaseItem {
    std::string patient_initials;     ///< "Y.T." ("" when unknown)
    std::string issue_date;           ///< YYYY-MM-DD ("" when unknown)
    std::string prescription_number;  ///< "" when none was printed
    std::int64_t receipt_no = 0;      ///< the pharmacy's 受付番号, quoted in replies
    std::string dispensed_on;         ///< YYYY-MM-DD
    bool overdue = false;
};

/// What a chase letter says around the list.
struct ChaseLetterInput {
    std::string clinic_name;
    std::string pharmacy_name;     ///< sender; "" prints none
    std::string pharmacy_contact;  ///< e.g. 「TEL 03-… FAX 03-…」; "" prints none
    TimePoint generated_at{};
    std::vector<ChaseItem> items;
};

/// The cover letter (送付状) asking a clinic to mail the originals of prescriptions it faxed:
/// A4 portrait, Japanese, ready to fax or mail. Lists one row per item in the given order.
reports::Report chaseLetter(const ChaseLetterInput& input);

}  // namespace rxdesk::originals
