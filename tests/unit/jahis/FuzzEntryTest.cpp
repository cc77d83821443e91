// Runs the libFuzzer entry point on fixed inputs so it stays compiled and crash-free
// even in builds without libFuzzer.
#include <gtest/gtest.h>

#include <cstdint>
#include <string>

#include "JahisSamples.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace rxdesk::jahis {
namespace {

TEST(JahisFuzzEntry, AcceptsSeedInputs) {
    const std::string seeds[] = {"", "JAHIS10", samples::sampleText(), "JAHIS10\r\n201,\"",
                                 std::string("\xFF\xFE\x00\x81", 4)};
    for (const std::string& seed : seeds) {
        EXPECT_EQ(
            LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(seed.data()), seed.size()),
            0);
    }
}

}  // namespace
}  // namespace rxdesk::jahis
