// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/utf8_text.h"

#include <gtest/gtest.h>

namespace netmon {
namespace {

// U+FFFD as bytes, spelled out so that the expectations do not depend on the code under test.
const std::string R = "\xEF\xBF\xBD";

TEST(Utf8Text, ValidTextIsUnchanged) {
    // One character of each length: 1 (a), 2 (ü C3 BC), 3 (€ E2 82 AC), 4 (🌐 F0 9F 8C 90), and
    // the extremes of each range.
    const std::string text = "a\xC3\xBC\xE2\x82\xAC\xF0\x9F\x8C\x90";
    EXPECT_EQ(toValidUtf8(text), text);
    EXPECT_EQ(toValidUtf8("\xC2\x80"), "\xC2\x80");                  // U+0080
    EXPECT_EQ(toValidUtf8("\xED\x9F\xBF"), "\xED\x9F\xBF");          // U+D7FF
    EXPECT_EQ(toValidUtf8("\xEE\x80\x80"), "\xEE\x80\x80");          // U+E000
    EXPECT_EQ(toValidUtf8("\xF4\x8F\xBF\xBF"), "\xF4\x8F\xBF\xBF");  // U+10FFFF
    EXPECT_EQ(toValidUtf8(std::string_view("a\0b", 3)), std::string("a\0b", 3));
    EXPECT_EQ(toValidUtf8(""), "");
}

TEST(Utf8Text, CommCutMidCharacterLosesOneCharacter) {
    // prctl(PR_SET_NAME, "Überwachung-€") keeps 15 bytes: "Überwachung-" (13) and the first two
    // bytes of € (E2 82 AC).
    const std::string comm =
        "\xC3\x9C"
        "berwachung-\xE2\x82";
    ASSERT_EQ(comm.size(), 15U);
    EXPECT_EQ(toValidUtf8(comm),
              "\xC3\x9C"
              "berwachung-" +
                  R);
}

TEST(Utf8Text, BytesThatStartNothingAreReplacedOneEach) {
    EXPECT_EQ(toValidUtf8("\x80"), R);          // continuation without a lead
    EXPECT_EQ(toValidUtf8("\xBF\x80"), R + R);  // two of them: two subparts
    EXPECT_EQ(toValidUtf8("\xC0\xAF"), R + R);  // C0, C1: only ever overlong
    EXPECT_EQ(toValidUtf8("\xC1\xBF"), R + R);
    EXPECT_EQ(toValidUtf8("\xF5\x80\x80\x80"), R + R + R + R);  // above U+10FFFF
    EXPECT_EQ(toValidUtf8("\xFF\xFE"), R + R);
}

TEST(Utf8Text, OverlongFormsAreRefused) {
    EXPECT_EQ(toValidUtf8("\xE0\x80\xAF"), R + R + R);          // '/' in three bytes
    EXPECT_EQ(toValidUtf8("\xE0\x9F\xBF"), R + R + R);          // U+07FF in three bytes
    EXPECT_EQ(toValidUtf8("\xF0\x80\x80\xAF"), R + R + R + R);  // '/' in four bytes
    EXPECT_EQ(toValidUtf8("\xF0\x8F\xBF\xBF"), R + R + R + R);  // U+FFFF in four bytes
}

TEST(Utf8Text, SurrogatesAndBeyondU10FFFFAreRefused) {
    EXPECT_EQ(toValidUtf8("\xED\xA0\x80"), R + R + R);          // U+D800
    EXPECT_EQ(toValidUtf8("\xED\xBF\xBF"), R + R + R);          // U+DFFF
    EXPECT_EQ(toValidUtf8("\xF4\x90\x80\x80"), R + R + R + R);  // U+110000
}

TEST(Utf8Text, TruncatedSequenceIsOneSubpartAndTheNextByteSurvives) {
    EXPECT_EQ(toValidUtf8("\xC3"), R);
    EXPECT_EQ(toValidUtf8("\xE2\x82"), R);
    EXPECT_EQ(toValidUtf8("\xF0\x9F\x8C"), R);
    EXPECT_EQ(toValidUtf8("\xE2\x82"
                          "x"),
              R + "x");
    EXPECT_EQ(toValidUtf8("\xF0\x9F\x8C\xC3\xBC"), R + "\xC3\xBC");  // ü right after
    EXPECT_EQ(toValidUtf8("\xE2\x82\x1B"), R + "\x1B");  // a control byte is kept for escaping
}

TEST(Utf8Text, UnicodeTable3_8Example) {
    // The Unicode standard's own example (chapter 3, table 3-8): 61 F1 80 80 E1 80 C2 62 80 63
    // 80 BF 64 → a FFFD FFFD FFFD b FFFD c FFFD FFFD d.
    EXPECT_EQ(toValidUtf8("\x61\xF1\x80\x80\xE1\x80\xC2\x62\x80\x63\x80\xBF\x64"),
              "a" + R + R + R + "b" + R + "c" + R + R + "d");
}

TEST(Utf8Text, Utf16PairsBecomeOneCharacter) {
    EXPECT_EQ(utf16ToUtf8(u"eth0"), "eth0");
    EXPECT_EQ(utf16ToUtf8(u"B\u00fcro \u20ac"), "B\xC3\xBCro \xE2\x82\xAC");
    const char16_t globe[] = {0xD83C, 0xDF10};  // U+1F310
    EXPECT_EQ(utf16ToUtf8(std::u16string_view(globe, 2)), "\xF0\x9F\x8C\x90");
    EXPECT_EQ(utf16ToUtf8(u""), "");
}

TEST(Utf8Text, UnpairedSurrogatesBecomeReplacementCharacters) {
    const char16_t loneHigh[] = {u'a', 0xD83C, u'b'};
    EXPECT_EQ(utf16ToUtf8(std::u16string_view(loneHigh, 3)), "a" + R + "b");
    const char16_t highAtEnd[] = {u'a', 0xD83C};
    EXPECT_EQ(utf16ToUtf8(std::u16string_view(highAtEnd, 2)), "a" + R);
    const char16_t loneLow[] = {0xDF10, u'x'};
    EXPECT_EQ(utf16ToUtf8(std::u16string_view(loneLow, 2)), R + "x");
    const char16_t reversed[] = {0xDF10, 0xD83C};  // low then high: two unpaired units
    EXPECT_EQ(utf16ToUtf8(std::u16string_view(reversed, 2)), R + R);
}

}  // namespace
}  // namespace netmon
