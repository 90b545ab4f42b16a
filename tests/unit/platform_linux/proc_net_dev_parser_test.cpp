// SPDX-License-Identifier: GPL-3.0-or-later
#include "platform/linux/proc_net_dev_parser.h"

#include <gtest/gtest.h>

namespace netmon::linux_platform {
namespace {

constexpr std::string_view kHeader =
    "Inter-|   Receive                                                |  Transmit\n"
    " face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs "
    "drop fifo colls carrier compressed\n";

std::string withHeader(std::string_view body) {
    return std::string(kHeader) + std::string(body);
}

TEST(ProcNetDevParser, ParsesTheKernelsLayout) {
    const std::string text = withHeader(
        "    lo:    3267      29    0    0    0     0          0         0     3267      29    0   "
        " 0    0     0       0          0\n"
        "  eth0: 56535456    1284    1    2    3     4          5         6    52020     610    7  "
        "  8    9    10      11         12\n");
    const auto entries = parseProcNetDev(text);
    ASSERT_TRUE(entries) << entries.error().message;
    ASSERT_EQ(entries->size(), 2U);
    EXPECT_EQ((*entries)[0].name, "lo");
    EXPECT_EQ((*entries)[0].counters.rxBytes, 3267U);
    EXPECT_EQ((*entries)[0].counters.txPackets, 29U);
    const InterfaceCounters& eth = (*entries)[1].counters;
    EXPECT_EQ((*entries)[1].name, "eth0");
    EXPECT_EQ(eth.rxBytes, 56535456U);
    EXPECT_EQ(eth.rxPackets, 1284U);
    EXPECT_EQ(eth.rxErrors, 1U);
    EXPECT_EQ(eth.rxDrops, 2U);
    EXPECT_EQ(eth.txBytes, 52020U);
    EXPECT_EQ(eth.txPackets, 610U);
    EXPECT_EQ(eth.txErrors, 7U);
    EXPECT_EQ(eth.txDrops, 8U);
}

TEST(ProcNetDevParser, LongNameGluedToTheFirstNumber) {
    const auto entries = parseProcNetDev(
        withHeader("verylongname0:18446744073709551615 2 0 0 0 0 0 0 4 5 0 0 0 0 0 0\n"
                   "nmtveth0:1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16"));  // no final newline
    ASSERT_TRUE(entries) << entries.error().message;
    ASSERT_EQ(entries->size(), 2U);
    EXPECT_EQ((*entries)[0].name, "verylongname0");
    EXPECT_EQ((*entries)[0].counters.rxBytes, 18446744073709551615ULL);
    EXPECT_EQ((*entries)[0].counters.txBytes, 4U);
    EXPECT_EQ((*entries)[1].name, "nmtveth0");
    EXPECT_EQ((*entries)[1].counters.txBytes, 9U);
}

TEST(ProcNetDevParser, NoInterfacesIsAnEmptyList) {
    const auto entries = parseProcNetDev(kHeader);
    ASSERT_TRUE(entries);
    EXPECT_TRUE(entries->empty());
}

class ProcNetDevMalformed : public testing::TestWithParam<std::pair<const char*, const char*>> {};

TEST_P(ProcNetDevMalformed, IsAnError) {
    const auto& [body, fragment] = GetParam();
    const auto entries = parseProcNetDev(withHeader(body));
    ASSERT_FALSE(entries) << "parsed " << entries->size() << " entries from: " << body;
    EXPECT_NE(entries.error().message.find(fragment), std::string::npos) << entries.error().message;
}

INSTANTIATE_TEST_SUITE_P(
    Lines, ProcNetDevMalformed,
    testing::Values(
        std::pair{"eth0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16\n", "no ':'"},
        std::pair{"   : 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16\n", "bad interface name"},
        std::pair{"eth 0: 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16\n", "bad interface name"},
        std::pair{"eth0: 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15\n", "15 numbers"},
        std::pair{"eth0: 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17\n", "more than 16"},
        std::pair{"eth0: 1 2 x 4 5 6 7 8 9 10 11 12 13 14 15 16\n", "not an unsigned number"},
        std::pair{"eth0: 1 2 -3 4 5 6 7 8 9 10 11 12 13 14 15 16\n", "not an unsigned number"},
        std::pair{"eth0: 1 2 3a 4 5 6 7 8 9 10 11 12 13 14 15 16\n", "not an unsigned number"},
        std::pair{"eth0: 18446744073709551616 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16\n",
                  "not an unsigned number"},
        std::pair{"eth0:\n", "0 numbers"}));

TEST(ProcNetDevParser, MissingHeaderIsAnError) {
    EXPECT_FALSE(parseProcNetDev("eth0: 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16\n"));
    EXPECT_FALSE(parseProcNetDev(""));
    EXPECT_FALSE(parseProcNetDev("Inter-|   Receive\n"));
}

}  // namespace
}  // namespace netmon::linux_platform
