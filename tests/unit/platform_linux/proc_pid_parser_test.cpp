// SPDX-License-Identifier: GPL-3.0-or-later
#include "platform/linux/proc_pid_parser.h"

#include <gtest/gtest.h>

namespace netmon::linux_platform {
namespace {

// A real line (Linux 6.x) with field 22 = 4242.
constexpr std::string_view kStat =
    "1234 (netmon) S 1 1234 1234 0 -1 4194560 1002 0 0 0 12 3 0 0 20 0 1 0 4242 12345678 "
    "1024 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0 0 0 0 0 0 0 0 0\n";

TEST(ProcPidParser, StartTimeIsField22) {
    const auto start = parseStartTime(kStat);
    ASSERT_TRUE(start) << start.error().message;
    EXPECT_EQ(*start, 4242U);
}

TEST(ProcPidParser, CommandNameWithSpacesAndParentheses) {
    const auto start =
        parseStartTime("77 (a (b) c) d) R 1 77 77 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 987654321 0 0\n");
    ASSERT_TRUE(start) << start.error().message;
    EXPECT_EQ(*start, 987654321U);
}

TEST(ProcPidParser, MalformedStat) {
    EXPECT_FALSE(parseStartTime(""));
    EXPECT_FALSE(parseStartTime("1234 netmon S 1"));                     // no ')'
    EXPECT_FALSE(parseStartTime("1234 (netmon) S 1 1234 1234 0 -1\n"));  // too few fields
    EXPECT_FALSE(parseStartTime("1 (x) S 1 1 1 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 12x 0\n"));
}

TEST(ProcPidParser, Uids) {
    const auto uids = parseUids(
        "Name:\tsshd\nUmask:\t0022\nState:\tS (sleeping)\n"
        "Tgid:\t812\nUid:\t0\t1000\t0\t1000\nGid:\t0\t0\t0\t0\n");
    ASSERT_TRUE(uids) << uids.error().message;
    EXPECT_EQ(uids->effective(), 1000U);
    EXPECT_TRUE(uids->has(0));
    EXPECT_TRUE(uids->has(1000));
    EXPECT_FALSE(uids->has(33));
    EXPECT_FALSE(parseUids("Name:\tx\nGid:\t0\t0\t0\t0\n"));
    EXPECT_FALSE(parseUids("Uid:\t0\t0\n"));
    EXPECT_FALSE(parseUids("XUid:\t0\t0\t0\t0\n"));
}

TEST(ProcPidParser, SocketLinks) {
    EXPECT_EQ(parseSocketLink("socket:[12345]"), 12345U);
    EXPECT_EQ(parseSocketLink("socket:[4294967295]"), 4294967295U);
    EXPECT_FALSE(parseSocketLink("pipe:[12345]"));
    EXPECT_FALSE(parseSocketLink("/dev/null"));
    EXPECT_FALSE(parseSocketLink("socket:[]"));
    EXPECT_FALSE(parseSocketLink("socket:[12a]"));
    EXPECT_FALSE(parseSocketLink("socket:[123"));
    EXPECT_FALSE(parseSocketLink("anon_inode:[eventpoll]"));
}

}  // namespace
}  // namespace netmon::linux_platform
