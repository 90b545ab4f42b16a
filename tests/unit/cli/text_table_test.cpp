// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/text_table.h"

#include <gtest/gtest.h>

#include <sstream>

namespace netmon::cli {
namespace {

TEST(TextTable, ControlCharactersInCellsAreEscapedAndColumnsMeasuredAsShown) {
    TextTable table({{"NAME"}, {"N", TextTable::Align::Right}});
    table.addRow({"\x1b]0;pwned\x07", "1"});
    table.addRow({"a\tb", "22"});
    std::ostringstream out;
    table.print(out);
    // Hand-laid: the first cell is shown as 16 characters ("\x1b" 4, "]0;pwned" 8, "\x07" 4),
    // so its column is 16 wide; two blanks; then the numbers, right-aligned in 2.
    EXPECT_EQ(out.str(),
              "NAME               N\n"
              "\\x1b]0;pwned\\x07   1\n"
              "a\\x09b            22\n");
    EXPECT_EQ(out.str().find('\x1b'), std::string::npos);
    EXPECT_EQ(out.str().find('\x07'), std::string::npos);
    EXPECT_EQ(out.str().find('\t'), std::string::npos);
}

}  // namespace
}  // namespace netmon::cli
