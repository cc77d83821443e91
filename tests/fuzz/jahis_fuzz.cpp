// libFuzzer entry point for the JAHIS parser: arbitrary bytes must never crash, hang or
// throw, whether they go through payload decoding or straight into the parser.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "jahis/JahisParser.h"
#include "jahis/JahisWriter.h"
#include "jahis/QrPayload.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    rxdesk::jahis::JahisParser::parse(bytes);
    if (auto text = rxdesk::jahis::decodeQrPayload(bytes)) {
        auto result = rxdesk::jahis::JahisParser::parse(*text);
        // Whatever was read must be writable and read back without crashing.
        if (result.prescription) {
            rxdesk::jahis::JahisParser::parse(
                rxdesk::jahis::JahisWriter::write(*result.prescription));
        }
    }
    return 0;
}
