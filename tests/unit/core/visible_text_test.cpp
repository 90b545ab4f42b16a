// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/visible_text.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace netmon {
namespace {

TEST(VisibleText, PrintableTextIsUnchanged) {
    EXPECT_EQ(visibleText("firefox"), "firefox");
    EXPECT_EQ(visibleText("B\xC3\xBCro \xE2\x82\xAC"), "B\xC3\xBCro \xE2\x82\xAC");
    EXPECT_EQ(visibleText(""), "");
}

TEST(VisibleText, TitleSequenceIsShownNotSent) {
    // OSC 0 (set window title), ended by BEL: the name a hostile process gives itself.
    EXPECT_EQ(visibleText("\x1b]0;pwned\x07"), "\\x1b]0;pwned\\x07");
    EXPECT_EQ(visibleText("\x1b[2J"), "\\x1b[2J");
}

TEST(VisibleText, EveryC0CharacterDelAndC1AreEscaped) {
    EXPECT_EQ(visibleText(std::string_view("\0", 1)), "\\x00");
    EXPECT_EQ(visibleText("a\tb\nc\rd"), "a\\x09b\\x0ac\\x0dd");  // one cell stays one line
    EXPECT_EQ(visibleText("\x1f"), "\\x1f");
    EXPECT_EQ(visibleText("\x7f"), "\\x7f");
    EXPECT_EQ(visibleText("\xC2\x80"), "\\x80");  // U+0080
    EXPECT_EQ(visibleText("\xC2\x9B"), "\\x9b");  // U+009B: CSI where C1 is read
    EXPECT_EQ(visibleText("\xC2\x9F"), "\\x9f");
    EXPECT_EQ(visibleText("\xC2\xA0"), "\xC2\xA0");  // U+00A0 is printable
    EXPECT_EQ(visibleText(" ~"), " ~");
}

TEST(VisibleText, InvalidBytesAreShownAsReplacementCharacters) {
    // A raw 0x9B byte is CSI to an 8-bit terminal: it becomes U+FFFD, not passed through.
    EXPECT_EQ(visibleText("a\x9B"
                          "b"),
              "a\xEF\xBF\xBD"
              "b");
    EXPECT_EQ(visibleText("\xFF\x1b"), "\xEF\xBF\xBD\\x1b");
}

TEST(VisibleText, BackslashIsDoubledOnlyWhereItWouldReadAsAnEscape) {
    // A name that spells an escape is told apart from one holding the character.
    EXPECT_EQ(visibleText("\\x1b"), "\\\\x1b");
    EXPECT_EQ(visibleText("\\\x1b"), "\\\\\\x1b");
    EXPECT_EQ(visibleText("\\\\"), "\\\\\\");  // the first precedes a backslash
    // Windows paths read as themselves.
    EXPECT_EQ(visibleText("C:\\Windows\\System32\\svchost.exe"),
              "C:\\Windows\\System32\\svchost.exe");
    EXPECT_EQ(visibleText("a\\"), "a\\");
}

// Reading the escapes back gives the original: `\\` is a backslash, `\xHH` the code point HH,
// any other backslash itself. Checked for every pair of characters from a set that mixes
// backslashes, `x`, control characters and plain text.
std::string decoded(const std::string& shown) {
    std::string out;
    for (std::size_t at = 0; at < shown.size(); ++at) {
        if (shown[at] == '\\' && at + 1 < shown.size() && shown[at + 1] == '\\') {
            out += '\\';
            ++at;
        } else if (shown[at] == '\\' && at + 3 < shown.size() && shown[at + 1] == 'x') {
            const int code = std::stoi(shown.substr(at + 2, 2), nullptr, 16);
            out += code < 0x80 ? std::string(1, static_cast<char>(code))
                               : std::string{static_cast<char>(0xC2), static_cast<char>(code)};
            at += 3;
        } else {
            out += shown[at];
        }
    }
    return out;
}

TEST(VisibleText, EscapingIsUnambiguous) {
    const std::vector<std::string> pieces = {"\\", "x", "1", "b", "\x1b", "\xC2\x85", "a"};
    for (const auto& a : pieces) {
        for (const auto& b : pieces) {
            for (const auto& c : pieces) {
                const std::string text = a + b + c;
                EXPECT_EQ(decoded(visibleText(text)), text) << visibleText(text);
            }
        }
    }
}

}  // namespace
}  // namespace netmon
