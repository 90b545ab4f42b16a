// SPDX-License-Identifier: GPL-3.0-or-later
// A message's text from a peer that may be anything: parsed without throwing, broken UTF-8
// repaired, absurd nesting refused before it is built.
#include "protocol/message_text.h"

#include <gtest/gtest.h>

#include <string>

#include "protocol/snapshot_codec.h"
#include "snapshot_values.h"

namespace netmon::protocol {
namespace {

TEST(MessageTextTest, ASnapshotGoesThroughOneLineOfText) {
    const Snapshot sent = test::sampleSnapshot();
    const std::string line = messageText(encodeSnapshot(sent));
    EXPECT_EQ(line.find('\n'), std::string::npos);
    const Result<nlohmann::json> parsed = parseMessage(line);
    ASSERT_TRUE(parsed) << parsed.error().describe();
    const Result<Snapshot> received = decodeSnapshot(*parsed, {});
    ASSERT_TRUE(received) << received.error().describe();
    test::expectSameSnapshot(*received, sent);
}

TEST(MessageTextTest, BrokenUtf8CostsACharacterNotTheMessage) {
    const Result<nlohmann::json> parsed = parseMessage(
        "{\"name\":\"fire\xff"
        "fox\"}");
    ASSERT_TRUE(parsed) << parsed.error().describe();
    EXPECT_EQ(parsed->at("name"),
              "fire\xEF\xBF\xBD"
              "fox");
}

TEST(MessageTextTest, WritingBrokenUtf8DoesNotThrow) {
    const nlohmann::json document = {{"name", std::string("cut \xe2\x82")}};
    EXPECT_EQ(messageText(document), "{\"name\":\"cut \xEF\xBF\xBD\"}");
}

TEST(MessageTextTest, TextThatIsNotJsonIsRefused) {
    for (const char* text : {"", "{", "{\"a\":}", "snapshot", "{\"a\":1}}", "\x01\x02"}) {
        const Result<nlohmann::json> parsed = parseMessage(text);
        ASSERT_FALSE(parsed) << text;
        EXPECT_EQ(parsed.error().message, "The message received is not JSON");
    }
}

TEST(MessageTextTest, NestingUpToTheLimitIsRead) {
    const std::size_t depth = kMaxNesting;
    const Result<nlohmann::json> parsed =
        parseMessage(std::string(depth, '[') + std::string(depth, ']'));
    ASSERT_TRUE(parsed) << parsed.error().describe();
    const nlohmann::json* inner = &*parsed;
    std::size_t levels = 0;
    while (inner->is_array()) {
        ++levels;
        inner = inner->empty() ? nullptr : &inner->at(0);
        if (!inner) {
            break;
        }
    }
    EXPECT_EQ(levels, depth);
}

// 10 MB of nesting, closed and unclosed, and mixed with objects: refused, nothing crashes.
TEST(MessageTextTest, TenMegabytesOfNestedGarbageAreRefused) {
    constexpr std::size_t kDepth = 5'000'000;
    std::string mixed;
    for (std::size_t i = 0; i < 1'500'000; ++i) {
        mixed += "[{\"a\":";
    }
    for (const std::string& text :
         {std::string(kDepth, '[') + std::string(kDepth, ']'), std::string(10'000'000, '['),
          std::string(kMaxNesting + 1, '[') + std::string(kMaxNesting + 1, ']'), mixed}) {
        const Result<nlohmann::json> parsed = parseMessage(text);
        ASSERT_FALSE(parsed);
        EXPECT_NE(parsed.error().message.find("nested deeper than 32 levels"), std::string::npos)
            << parsed.error().message;
    }
}

}  // namespace
}  // namespace netmon::protocol
