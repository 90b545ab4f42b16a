// SPDX-License-Identifier: GPL-3.0-or-later
#include "platform/windows/windows_error.h"

#include <windows.h>

#include <array>

#include "platform/windows/wide_text.h"

namespace netmon::windows_platform {

std::string describeWindowsError(std::uint32_t code) {
    std::array<wchar_t, 512> buffer{};
    const DWORD length =
        ::FormatMessageW(FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_IGNORE_INSERTS, nullptr, code,
                         MAKELANGID(LANG_NEUTRAL, SUBLANG_DEFAULT), buffer.data(),
                         static_cast<DWORD>(buffer.size()), nullptr);
    std::string text = toUtf8(std::wstring_view(buffer.data(), length));
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' ' ||
                             text.back() == '.')) {
        text.pop_back();
    }
    const std::string number = "error " + std::to_string(code);
    return text.empty() ? number : text + " (" + number + ")";
}

std::string lastWindowsError() {
    return describeWindowsError(::GetLastError());
}

}  // namespace netmon::windows_platform
