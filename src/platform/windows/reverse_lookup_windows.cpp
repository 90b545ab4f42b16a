// SPDX-License-Identifier: GPL-3.0-or-later
#include <array>

#include "platform/common/socket_address.h"
#include "platform/reverse_lookup.h"
#include "platform/windows/wide_text.h"
#include "platform/windows/windows_api.h"
#include "platform/windows/windows_error.h"
#include "platform/windows/winsock_session.h"

namespace netmon {

Result<std::string> reverseLookup(const IpAddress& address) {
    if (auto started = windows_platform::ensureWinsock(); !started) {
        return tl::unexpected(started.error());
    }
    // A dual-stack socket's IPv4 peer (::ffff:a.b.c.d) has its PTR record under in-addr.arpa.
    const IpAddress plain = address.unmapped();
    const auto socketAddress = toSocketAddress(plain);
    if (!socketAddress) {
        return fail("no address to look up");
    }
    std::array<wchar_t, NI_MAXHOST> host{};
    // NI_NAMEREQD: an address without a PTR record is a failure, not its own text back.
    const int rc = ::GetNameInfoW(socketAddress->get(), socketAddress->length, host.data(),
                                  static_cast<DWORD>(host.size()), nullptr, 0, NI_NAMEREQD);
    if (rc != 0) {
        const int error = ::WSAGetLastError();
        return fail(
            "no host name for " + address.toString() + ": " +
                windows_platform::describeWindowsError(static_cast<std::uint32_t>(error)),
            error == WSATRY_AGAIN ? "the name server did not answer; it is asked again later" : "");
    }
    return windows_platform::toUtf8(host.data(), host.size());
}

}  // namespace netmon
