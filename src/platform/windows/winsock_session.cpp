// SPDX-License-Identifier: GPL-3.0-or-later
#include "platform/windows/winsock_session.h"

#include <winsock2.h>

#include "platform/windows/windows_error.h"

namespace netmon::windows_platform {

Result<void> ensureWinsock() {
    static const int status = [] {
        WSADATA data{};
        return ::WSAStartup(MAKEWORD(2, 2), &data);
    }();
    if (status != 0) {
        return fail("cannot start Windows Sockets: " +
                        describeWindowsError(static_cast<std::uint32_t>(status)),
                    "check that networking is installed and enabled");
    }
    return {};
}

}  // namespace netmon::windows_platform
