// SPDX-License-Identifier: GPL-3.0-or-later
// Broken SOCK_DIAG_BY_FAMILY replies: every length is checked, nothing is read past the buffer,
// and each is an Error that says what was wrong.
#include <gtest/gtest.h>

#include "platform/linux/sock_diag_parser.h"
#include "unit/platform_linux/sock_diag_messages.h"

namespace netmon::linux_platform {
namespace {

using namespace test_diag;

void expectError(const std::vector<std::byte>& bytes, std::string_view fragment) {
    const auto entries = parseSockDiagMessages(bytes, Protocol::Tcp);
    ASSERT_FALSE(entries);
    EXPECT_NE(entries.error().message.find(fragment), std::string::npos) << entries.error().message;
}

TEST(SockDiagParserMalformed, TruncatedNetlinkHeader) {
    const auto bytes = tcpMessage(diagMessage(AF_INET, 1, {}, {}), fullTcpInfo(), 40);
    expectError({bytes.begin(), bytes.begin() + 10}, "truncated message header");
}

TEST(SockDiagParserMalformed, TruncatedInetDiagMsg) {
    auto bytes = tcpMessage(diagMessage(AF_INET, 1, {}, {}), fullTcpInfo(), 0);
    const std::uint32_t length = sizeof(nlmsghdr) + 40;  // less than inet_diag_msg's 72
    std::memcpy(bytes.data(), &length, sizeof(length));
    bytes.resize(length);
    expectError(bytes, "inet_diag_msg header truncated");
}

TEST(SockDiagParserMalformed, MessageLongerThanTheBuffer) {
    auto bytes = tcpMessage(diagMessage(AF_INET, 1, {}, {}), fullTcpInfo(), 100);
    bytes.resize(bytes.size() - 20);
    expectError(bytes, "does not fit");
}

TEST(SockDiagParserMalformed, AttributeLengthPastTheMessage) {
    auto bytes = tcpMessage(diagMessage(AF_INET, 1, {}, {}), fullTcpInfo(), 100);
    // The attribute header follows nlmsghdr (16) + inet_diag_msg (72).
    const std::uint16_t tooLong = 100 + 4 + 64;
    std::memcpy(bytes.data() + 16 + 72, &tooLong, sizeof(tooLong));
    expectError(bytes, "malformed netlink attribute");
    const std::uint16_t tooShort = 2;  // shorter than its own header
    std::memcpy(bytes.data() + 16 + 72, &tooShort, sizeof(tooShort));
    expectError(bytes, "malformed netlink attribute");
}

TEST(SockDiagParserMalformed, TruncatedAttributeHeader) {
    auto bytes = tcpMessage(diagMessage(AF_INET, 1, {}, {}), fullTcpInfo(), 0);
    bytes.resize(16 + 72 + 2);  // half an attribute header
    const auto length = static_cast<std::uint32_t>(bytes.size());
    std::memcpy(bytes.data(), &length, sizeof(length));
    expectError(bytes, "truncated header");
}

TEST(SockDiagParserMalformed, UnknownAddressFamily) {
    const auto bytes = tcpMessage(diagMessage(AF_UNIX, 1, {}, {}), fullTcpInfo(), 0);
    expectError(bytes, "address family 1");
}

}  // namespace
}  // namespace netmon::linux_platform
