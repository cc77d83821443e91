#pragma once

#include <string>

#include "prescription/Prescription.h"

namespace rxdesk::jahis {

/// Writes a Prescription as JAHIS QR text: the "JAHIS<version>" header and one CRLF-ended
/// CSV line per record, in the order the standard lists them. Dates are written in the
/// Gregorian YYYYMMDD form; fields holding commas or quotes are quoted. Records with no data
/// are left out, so JahisParser::parse(write(p)) gives back p (OnlineConsultation aside:
/// it has no JAHIS record). The text is UTF-8; convert with utf8ToCp932 for a Shift_JIS QR.
class JahisWriter {
public:
    static std::string write(const prescription::Prescription& prescription, int version = 10);
};

}  // namespace rxdesk::jahis
