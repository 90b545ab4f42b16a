// SPDX-License-Identifier: GPL-3.0-or-later
#include "platform/windows/wide_text.h"

#include <gtest/gtest.h>

namespace netmon::windows_platform {
namespace {

TEST(WideText, RoundTripsBeyondAscii) {
    const std::string utf8 = "WLAN \u2013 B\u00fcro \u65e5\u672c \U0001F310";
    const std::wstring wide = toWide(utf8);
    EXPECT_EQ(wide, L"WLAN \u2013 B\u00fcro \u65e5\u672c \U0001F310");
    EXPECT_EQ(wide.size(), 17U);  // the globe is a surrogate pair in UTF-16
    EXPECT_EQ(toUtf8(wide), utf8);
    EXPECT_EQ(toUtf8(L""), "");
    EXPECT_EQ(toWide(""), L"");
}

TEST(WideText, InvalidInputIsReplacedNotDropped) {
    EXPECT_EQ(toWide("a\xff"
                     "b"),
              L"a\uFFFDb");
}

TEST(WideText, UnpairedSurrogatesBecomeReplacementCharacters) {
    // An adapter alias or process name may hold one; UTF-8 cannot, so it is shown as U+FFFD.
    const wchar_t lone[] = {L'e', static_cast<wchar_t>(0xD83C), L'0'};
    EXPECT_EQ(toUtf8(std::wstring_view(lone, 3)),
              "e\xEF\xBF\xBD"
              "0");
    const wchar_t low[] = {static_cast<wchar_t>(0xDF10)};
    EXPECT_EQ(toUtf8(low, 1), "\xEF\xBF\xBD");
}

TEST(WideText, FixedBuffersStopAtNulOrCapacity) {
    const wchar_t alias[8] = {L'e', L't', L'h', L'0', L'\0', L'x', L'x', L'x'};
    EXPECT_EQ(toUtf8(alias, 8), "eth0");
    const wchar_t full[3] = {L'a', L'b', L'c'};  // no NUL at all
    EXPECT_EQ(toUtf8(full, 3), "abc");
}

}  // namespace
}  // namespace netmon::windows_platform
