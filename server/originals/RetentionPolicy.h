#pragma once

#include "core/TokyoTime.h"

namespace rxdesk::originals {

/// How long dispensed prescriptions (調剤済み処方箋) and their images are kept: `years` from
/// completion, counted in calendar days in Asia/Tokyo. Prescriptions that ended otherwise
/// (cancelled 取消, misdirected 誤送信) are kept as long, counted from that end, and so are
/// originals that never matched a prescription, counted from their arrival. A prescription
/// completed on day D is kept up to and including D + years, and may be removed from the day after.
/// Example (3 years): completed 2026-01-10 → kept until 2029-01-10, removed from 2029-01-11.
/// A completion on 29 February is kept until 28 February of the expiry year (if common).
struct RetentionPolicy {
    static constexpr int kLegalMinimumYears = 3;

    int years = kLegalMinimumYears;
    /// How long a stored idempotent answer (Idempotency-Key) is kept: a client retries
    /// within minutes; after a day the key only holds a copy of an answer.
    int idempotency_hours = 24;

    /// The earliest completion day still kept on `today`: prescriptions completed before the
    /// start of this day (Asia/Tokyo) have expired.
    Date keepCompletedFrom(Date today) const;

    /// Throws rxdesk::Error (BadRequest, "invalid_retention") when `years` is below the
    /// legal minimum or over 100.
    void validate() const;
};

}  // namespace rxdesk::originals
