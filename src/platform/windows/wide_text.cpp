// SPDX-License-Identifier: GPL-3.0-or-later
#include "platform/windows/wide_text.h"

#include <windows.h>

#include <climits>

#include "core/utf8_text.h"

namespace netmon::windows_platform {

std::wstring toWide(std::string_view utf8) {
    if (utf8.empty() || utf8.size() > static_cast<std::size_t>(INT_MAX)) {
        return {};
    }
    const int length = static_cast<int>(utf8.size());
    const int needed = ::MultiByteToWideChar(CP_UTF8, 0, utf8.data(), length, nullptr, 0);
    if (needed <= 0) {
        return {};
    }
    std::wstring wide(static_cast<std::size_t>(needed), L'\0');
    ::MultiByteToWideChar(CP_UTF8, 0, utf8.data(), length, wide.data(), needed);
    return wide;
}

std::string toUtf8(std::wstring_view wide) {
    // Core's converter, not WideCharToMultiByte: what that makes of an unpaired surrogate
    // (which Windows allows in adapter, file and process names) differs between Windows
    // versions and Wine; core's is U+FFFD everywhere, and tested on every platform.
    static_assert(sizeof(wchar_t) == sizeof(char16_t), "Windows' wide strings are UTF-16");
    const std::u16string units(wide.begin(), wide.end());
    return utf16ToUtf8(units);
}

std::string toUtf8(const wchar_t* buffer, std::size_t capacity) {
    std::size_t length = 0;
    while (length < capacity && buffer[length] != L'\0') {
        ++length;
    }
    return toUtf8(std::wstring_view(buffer, length));
}

}  // namespace netmon::windows_platform
