// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <string_view>

namespace netmon {

// A string from the system (a process name, a path, an interface or host name) as it may be
// shown to a person — in a terminal or a widget: shown, never obeyed. A process may call itself
// "\x1b]0;…\x07", which printed raw would retitle or rewrite the terminal of whoever runs
// `netmon processes`, and a newline in a name would break a table's line.
//
// Control characters — C0 (tab and newline included: one cell stays one line), DEL and C1
// (U+0080–U+009F, which some terminals read as CSI and friends) — become `\xHH`, their code
// point in hex. A backslash is doubled where it would otherwise read as the start of an escape
// (before `x`, another backslash or an escape); elsewhere it stays single, so a Windows path
// such as `C:\Users\a` reads as itself. Reading back is unambiguous: `\\` is a backslash, `\xHH`
// the code point HH, any other backslash itself. Invalid UTF-8 is shown as U+FFFD. Only for
// showing: JSON, the database and comparisons keep the name itself.
std::string visibleText(std::string_view text);

}  // namespace netmon
