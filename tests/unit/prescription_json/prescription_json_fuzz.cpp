// libFuzzer entry point for the clinic API's prescription JSON: arbitrary bytes must never
// crash, hang or throw anything but rxdesk::Error, and whatever decodes must encode and
// decode back to the same prescription.
#include <Poco/JSON/Object.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "core/Error.h"
#include "prescription_json/PrescriptionJson.h"
#include "prescription_json/Submission.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string body(reinterpret_cast<const char*>(data), size);
    try {
        const rxdesk::prescription_json::Submission submission =
            rxdesk::prescription_json::decodeSubmission(body);
        if (submission.structured) {
            const Poco::JSON::Object encoded =
                rxdesk::prescription_json::encodePrescription(*submission.structured);
            if (rxdesk::prescription_json::decodePrescription(encoded) != *submission.structured)
                std::abort();
            rxdesk::prescription_json::encodeSummary(*submission.structured);
        }
    } catch (const rxdesk::Error&) {
        // Rejecting bad input is the expected outcome for almost every input.
    }
    return 0;
}
