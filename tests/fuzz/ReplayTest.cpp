// Runs one fuzz target's entry point over every file of its corpus (seeds and the inputs
// of crashes found earlier), with any compiler: the regression test for fuzz findings.
#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

TEST(FuzzReplay, EveryCorpusInputRunsCleanly) {
    namespace fs = std::filesystem;
    const fs::path corpus = RXDESK_FUZZ_CORPUS;
    ASSERT_TRUE(fs::is_directory(corpus)) << corpus;
    int inputs = 0;
    for (const auto& entry : fs::directory_iterator(corpus)) {
        if (!entry.is_regular_file()) continue;
        std::ifstream in(entry.path(), std::ios::binary);
        std::ostringstream bytes;
        bytes << in.rdbuf();
        const std::string input = bytes.str();
        SCOPED_TRACE(entry.path().filename().string());
        EXPECT_EQ(LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(input.data()),
                                         input.size()),
                  0);
        ++inputs;
    }
    EXPECT_GT(inputs, 0) << "an empty corpus tests nothing";
}
