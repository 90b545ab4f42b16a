// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <string_view>

namespace netmon::windows_platform {

// The one place where text crosses between the program (UTF-8 everywhere) and Windows' wide
// APIs (UTF-16). Invalid input is replaced (U+FFFD), never an exception or an empty string.
std::wstring toWide(std::string_view utf8);
std::string toUtf8(std::wstring_view wide);
// A NUL-terminated wide buffer of at most `capacity` characters (as in MIB_IF_ROW2::Alias).
std::string toUtf8(const wchar_t* buffer, std::size_t capacity);

}  // namespace netmon::windows_platform
