#pragma once

#include <set>
#include <vector>

#include "jahis/FieldReader.h"
#include "prescription/Prescription.h"

namespace rxdesk::jahis {

/// The prescription being filled line by line, plus what the handlers need to remember.
struct PrescriptionBuilder {
    prescription::Prescription prescription;
    std::set<int> seen_records;  ///< single-occurrence records already applied
};

/// How to read one JAHIS record type into the prescription. Internal to the parser;
/// exposed so that tests can check the table covers every record type.
struct RecordHandler {
    int record_no;
    size_t item_count;  ///< items after the record number in the newest supported version
    bool repeatable;    ///< may occur more than once (remarks, Rp, drugs …)
    void (*apply)(FieldReader&, PrescriptionBuilder&);
};

/// The handler for `record_no`, or nullptr for a record type JAHIS5–10 does not define.
const RecordHandler* findRecordHandler(int record_no);

/// Every record number with a handler, ascending.
std::vector<int> knownRecordNumbers();

}  // namespace rxdesk::jahis
