// SPDX-License-Identifier: GPL-3.0-or-later
// The lock file's note: what a holder writes, and what a reader accepts from a file any local
// user could have written.
#include "core/lock_holder.h"

#include <gtest/gtest.h>

#include <string>

namespace netmon {
namespace {

TEST(LockNote, RoundTrips) {
    const LockHolder holder{4'194'304, "netmon record"};
    EXPECT_EQ(formatLockNote(holder), "4194304\nnetmon record\n");
    EXPECT_EQ(parseLockNote(formatLockNote(holder)), holder);
    EXPECT_EQ(parseLockNote("1\nnetmon-gui\n"), (LockHolder{1, "netmon-gui"}));
    EXPECT_EQ(parseLockNote("4294967295\nx\n"), (LockHolder{4'294'967'295U, "x"}));
}

TEST(LockNote, NamesTheHolderOrAnotherProcess) {
    EXPECT_EQ(describeLockHolder(LockHolder{1234, "netmon record"}), "1234 (netmon record)");
    EXPECT_EQ(describeLockHolder(std::nullopt), "another process");
}

TEST(LockNote, RefusesAnythingElse) {
    const std::string oversized = "1\n" + std::string(kMaxLockNoteBytes, 'a') + "\n";
    for (const std::string& note : {
             std::string(),                       // empty: the holder has not written it yet
             std::string("1234"),                 // cut short
             std::string("1234\nnetmon record"),  // no final newline
             std::string("1234\nnetmon record\nmore\n"),  // trailing lines
             std::string("0\nnetmon\n"),                  // no such pid
             std::string("-5\nnetmon\n"),                 // sign
             std::string("+5\nnetmon\n"),
             std::string(" 5\nnetmon\n"),
             std::string("007\nnetmon\n"),                   // padding
             std::string("4294967296\nnetmon\n"),            // past 32 bits
             std::string("99999999999999999999\nnetmon\n"),  // past 64 bits
             std::string("12a\nnetmon\n"),
             std::string("1234\n\n"),                              // no program
             std::string("1234\n" + std::string(65, 'p') + "\n"),  // program too long
             std::string("1234\nnetmon\x1b]0;owned\x07\n"),        // escape sequences
             std::string("1234\nnet\tmon\n"),
             std::string("1234\nnetm\xc3\xb6n\n"),  // non-ASCII
             std::string("1234\r\nnetmon\r\n"),
             std::string("1234\nnet\0mon\n", 12),
             oversized,
         }) {
        EXPECT_FALSE(parseLockNote(note)) << testing::PrintToString(note);
    }
}

}  // namespace
}  // namespace netmon
