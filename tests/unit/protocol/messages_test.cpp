// SPDX-License-Identifier: GPL-3.0-or-later
// The service's request and reply lines: what a peer may send is checked, never trusted, and
// never throws; what we write reads back the same.
#include "protocol/messages.h"

#include <gtest/gtest.h>

namespace netmon::protocol {
namespace {

TEST(ParseRequest, EveryKindReadsBackFromTheLineAClientWrites) {
    for (const RequestKind kind :
         {RequestKind::Hello, RequestKind::Snapshot, RequestKind::Subscribe, RequestKind::History,
          RequestKind::Breakdown, RequestKind::Usage, RequestKind::Health, RequestKind::Settings,
          RequestKind::SetSettings}) {
        const std::string line = requestLine(kind, {{"format", "full"}});
        ASSERT_EQ(line.back(), '\n');
        auto request = parseRequest(std::string_view(line).substr(0, line.size() - 1));
        ASSERT_TRUE(request) << line << request.error().describe();
        EXPECT_EQ(request->kind, kind) << line;
        EXPECT_EQ(request->format, SnapshotFormat::Full);
        EXPECT_EQ(request->body["protocol"], kProtocolVersion);
    }
}

TEST(ParseRequest, TheVersionMayBeLeftOutAndTheWatchFormatIsTheDefault) {
    auto request = parseRequest(R"({"request": "snapshot"})");
    ASSERT_TRUE(request);
    EXPECT_EQ(request->kind, RequestKind::Snapshot);
    EXPECT_EQ(request->format, SnapshotFormat::Watch);
}

TEST(ParseRequest, WhatIsNotARequestIsRefusedWithWhy) {
    const std::vector<std::pair<std::string, std::string>> cases{
        {"", "one JSON object"},
        {"hello", "one JSON object"},
        {"[1, 2]", "one JSON object"},
        {"42", "one JSON object"},
        {R"({"request": "snapshot"} trailing)", "one JSON object"},
        {R"({"protocol": 2, "request": "hello"})", "protocol version"},
        {R"({"protocol": "1", "request": "hello"})", "protocol version"},
        {R"({"protocol": 1.0000001, "request": "hello"})", "protocol version"},
        {R"({"format": "full"})", "needs \"request\""},
        {R"({"request": 7})", "needs \"request\""},
        {R"({"request": "shutdown"})", "unknown request"},
        {R"({"request": "snapshot", "format": "xml"})", "\"format\""},
        {R"({"request": "snapshot", "format": null})", "\"format\""},
    };
    for (const auto& [line, why] : cases) {
        auto request = parseRequest(line);
        ASSERT_FALSE(request) << line;
        EXPECT_NE(request.error().message.find(why), std::string::npos)
            << line << " → " << request.error().message;
    }
}

TEST(ParseRequest, OversizedDeepAndBrokenTextNeverThrow) {
    std::string huge =
        R"({"request": "hello", "pad": ")" + std::string(kMaxRequestBytes, 'x') + "\"}";
    EXPECT_FALSE(parseRequest(huge));
    const std::string deep =
        R"({"request": "hello", "x": )" + std::string(10'000, '[') + std::string(10'000, ']') + "}";
    EXPECT_FALSE(parseRequest(deep));
    // Broken UTF-8 in a member is data, not a reason to fail the request.
    auto broken = parseRequest("{\"request\": \"hello\", \"note\": \"\xff\xfe\"}");
    ASSERT_TRUE(broken) << broken.error().describe();
    EXPECT_EQ(broken->body["note"], "\xEF\xBF\xBD\xEF\xBF\xBD");
}

TEST(Replies, OkAndErrorLinesReadBackAndGarbageIsNoReply) {
    const std::string ok = replyLine({{"rows", {1, 2, 3}}});
    ASSERT_EQ(ok.back(), '\n');
    auto members = parseReply(ok);
    ASSERT_TRUE(members);
    EXPECT_EQ((*members)["rows"].size(), 3u);

    auto refused = parseReply(errorLine({"not allowed", "ask an administrator"}));
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().message, "the service refused: not allowed");
    EXPECT_EQ(refused.error().hint, "ask an administrator");

    for (const char* garbage : {"", "{}", R"({"ok": "yes"})", "[true]", "HTTP/1.1 200 OK"}) {
        EXPECT_FALSE(parseReply(garbage)) << garbage;
    }
    // Text that is not UTF-8 goes out as U+FFFD instead of throwing.
    const std::string line = replyLine({{"name", "bad\xff"}});
    EXPECT_NE(line.find("bad\xEF\xBF\xBD"), std::string::npos) << line;
}

}  // namespace
}  // namespace netmon::protocol
