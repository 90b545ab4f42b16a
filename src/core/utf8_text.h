// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <string_view>

namespace netmon {

// Text the system hands us (process names and paths, PTR answers, interface and adapter names,
// names stored by an older version) is bytes, not UTF-8: the kernel cuts `comm` at 15 bytes
// mid-character and any user may set it to anything. Core's strings are valid UTF-8, so JSON,
// SQLite and Qt never see a broken sequence; these are the one way in.

// Strict UTF-8 (RFC 3629: no overlong forms, no surrogates U+D800–DFFF, nothing above
// U+10FFFF). Each maximal subpart of an ill-formed sequence becomes one U+FFFD, as Unicode
// (chapter 3, "U+FFFD substitution of maximal subparts") and WHATWG's decoder do, so a name cut
// mid-character loses one character, not the rest. Valid input is returned unchanged.
std::string toValidUtf8(std::string_view bytes);

// UTF-16 code units (Windows' wide strings) as UTF-8; an unpaired surrogate becomes U+FFFD.
std::string utf16ToUtf8(std::u16string_view units);

}  // namespace netmon
