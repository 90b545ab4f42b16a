// SPDX-License-Identifier: GPL-3.0-or-later
// The fuzzer's seed corpus in tests/data/parser_corpus/ is made by parserCorpus(): this test
// checks that the committed files are exactly that, and parse as expected. To write them anew:
//   NETMON_WRITE_PARSER_CORPUS=1 build/tests/unit/capture/netmon_capture_test
//       --gtest_filter='ParserCorpus.*'    (one command line)
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "unit/capture/parser_fuzz_input.h"

namespace netmon::capture::test {
namespace {

const std::filesystem::path kCorpusDir = NETMON_PARSER_CORPUS_DIR;

TEST(ParserCorpus, CommittedFilesAreTheGeneratedFrames) {
    const bool write = std::getenv("NETMON_WRITE_PARSER_CORPUS") != nullptr;
    for (const CorpusEntry& entry : parserCorpus()) {
        const auto path = kCorpusDir / entry.name;
        if (write) {
            std::filesystem::create_directories(kCorpusDir);
            std::ofstream(path, std::ios::binary)
                .write(reinterpret_cast<const char*>(entry.input.data()),
                       static_cast<std::streamsize>(entry.input.size()));
        }
        std::ifstream file(path, std::ios::binary);
        ASSERT_TRUE(file) << path << " is missing: run with NETMON_WRITE_PARSER_CORPUS=1";
        const Frame committed{std::istreambuf_iterator<char>(file), {}};
        EXPECT_EQ(committed, entry.input) << entry.name;
    }
}

TEST(ParserCorpus, EachSeedParsesAsExpected) {
    for (const CorpusEntry& entry : parserCorpus()) {
        const FuzzInput input = decodeFuzzInput(entry.input.data(), entry.input.size());
        PacketParser parser(input.linkType);
        EXPECT_EQ(parser.parse(input.captured, input.wireLength).status, entry.expected)
            << entry.name;
    }
}

}  // namespace
}  // namespace netmon::capture::test
