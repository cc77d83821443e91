// Arbitrary, truncated and mutated input never throws or crashes (run under ASan/UBSan).
#include <gtest/gtest.h>

#include <random>

#include "JahisSamples.h"
#include "jahis/JahisParser.h"
#include "jahis/JahisWriter.h"
#include "jahis/QrPayload.h"

namespace rxdesk::jahis {
namespace {

void parseEverything(const std::string& bytes) {
    EXPECT_NO_THROW({
        JahisParser::parse(bytes);
        if (auto text = decodeQrPayload(bytes)) {
            ParseResult result = JahisParser::parse(*text);
            if (result.prescription) JahisWriter::write(*result.prescription);
        }
    });
}

TEST(JahisParserRobustness, NeverThrowsOnRandomBytes) {
    std::mt19937 rng(20261121);
    std::uniform_int_distribution<int> byte(0, 255);
    std::uniform_int_distribution<size_t> length(0, 200);
    for (int i = 0; i < 2000; ++i) {
        std::string bytes(length(rng), '\0');
        for (char& c : bytes) c = static_cast<char>(byte(rng));
        if (i % 2 == 0) bytes = "JAHIS10\r\n" + bytes;
        parseEverything(bytes);
    }
}

TEST(JahisParserRobustness, NeverThrowsOnRandomRecordLikeLines) {
    // Random digits, commas and line breaks reach the record handlers far more often than
    // random bytes do.
    std::mt19937 rng(7);
    const std::string alphabet = "0123456789,,,,\r\n\"-/.JAHIS薬";
    std::uniform_int_distribution<size_t> pick(0, alphabet.size() - 1);
    std::uniform_int_distribution<size_t> length(0, 300);
    for (int i = 0; i < 2000; ++i) {
        std::string text = "JAHIS10\r\n";
        const size_t n = length(rng);
        for (size_t k = 0; k < n; ++k) text.push_back(alphabet[pick(rng)]);
        parseEverything(text);
    }
}

TEST(JahisParserRobustness, NeverThrowsOnEveryTruncationOfAPrescription) {
    const std::string text = samples::sampleText();
    for (size_t cut = 0; cut <= text.size(); ++cut) parseEverything(text.substr(0, cut));
}

TEST(JahisParserRobustness, NeverThrowsOnMutatedPrescriptions) {
    const std::string text = JahisWriter::write(samples::richPrescription());
    std::mt19937 rng(42);
    std::uniform_int_distribution<size_t> position(0, text.size() - 1);
    std::uniform_int_distribution<int> byte(0, 255);
    for (int i = 0; i < 1000; ++i) {
        std::string mutated = text;
        for (int k = 0; k < 3; ++k) mutated[position(rng)] = static_cast<char>(byte(rng));
        parseEverything(mutated);
    }
}

TEST(JahisParserRobustness, HandlesHugeNumbersAndLongLines) {
    parseEverything("JAHIS99999999999999999999\r\n12,1\r\n");
    parseEverything("JAHIS10\r\n101,99999999999999999999,1,,99999999999999999999\r\n");
    parseEverything("JAHIS10\r\n81,1,," + std::string(100000, 'a') + "\r\n");
    parseEverything("JAHIS10\r\n" + std::string(10000, ',') + "\r\n");
}

}  // namespace
}  // namespace rxdesk::jahis
