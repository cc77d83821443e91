// Runs the libFuzzer entry point on fixed seeds (valid bodies, every truncation of one,
// random bytes, random byte flips) so it stays compiled and crash-free in every build.
#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <string>

#include "JsonTestSupport.h"
#include "prescription_json/PrescriptionJson.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace rxdesk::prescription_json {
namespace {

int run(const std::string& input) {
    return LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(input.data()),
                                  input.size());
}

std::string fullBody() {
    return R"({"client_reference": "K-1", "prescription": )" +
           testing::stringify(encodePrescription(testing::fullPrescription())) + "}";
}

TEST(PrescriptionJsonFuzzEntry, AcceptsFixedSeeds) {
    const std::string seeds[] = {
        "",
        "{}",
        "null",
        std::string("\x00\xFF\xFE", 3),
        R"({"client_reference": "K-1", "jahis": "JAHIS10\r\n"})",
        R"({"client_reference": "K-1", "prescription": )" + testing::kValidPrescriptionJson + "}",
        fullBody(),
    };
    for (const std::string& seed : seeds) EXPECT_EQ(run(seed), 0);
}

TEST(PrescriptionJsonFuzzEntry, SurvivesEveryTruncation) {
    const std::string body = fullBody();
    for (std::size_t n = 0; n <= body.size(); ++n) ASSERT_EQ(run(body.substr(0, n)), 0) << n;
}

TEST(PrescriptionJsonFuzzEntry, SurvivesRandomBytesAndFlips) {
    std::mt19937 random(20261120);
    std::uniform_int_distribution<int> byte(0, 255);
    for (int i = 0; i < 300; ++i) {
        std::string noise(static_cast<std::size_t>(byte(random)), '\0');
        for (char& c : noise) c = static_cast<char>(byte(random));
        ASSERT_EQ(run(noise), 0);
    }
    const std::string body = fullBody();
    std::uniform_int_distribution<std::size_t> position(0, body.size() - 1);
    const char replacements[] = {'"', '{', '}', '[', ']', ',', ':', '0', '-', '\\', ' ', 'e'};
    std::uniform_int_distribution<std::size_t> pick(0, sizeof replacements - 1);
    for (int i = 0; i < 500; ++i) {
        std::string mutated = body;
        for (int k = 0; k < 3; ++k) mutated[position(random)] = replacements[pick(random)];
        ASSERT_EQ(run(mutated), 0);
    }
}

}  // namespace
}  // namespace rxdesk::prescription_json
