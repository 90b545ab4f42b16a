// SPDX-License-Identifier: GPL-3.0-or-later
#include <netdb.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <cerrno>
#include <cstring>
#include <string>

#include "platform/common/socket_address.h"
#include "platform/reverse_lookup.h"

namespace netmon {

Result<std::string> reverseLookup(const IpAddress& address) {
    // A dual-stack socket's IPv4 peer (::ffff:a.b.c.d) has its PTR record under in-addr.arpa.
    const IpAddress plain = address.unmapped();
    const auto socketAddress = toSocketAddress(plain);
    if (!socketAddress) {
        return fail("no address to look up");
    }
    char host[NI_MAXHOST];
    // NI_NAMEREQD: an address without a PTR record is a failure, not its own text back.
    const int rc =
        ::getnameinfo(socketAddress->get(), static_cast<socklen_t>(socketAddress->length), host,
                      sizeof host, nullptr, 0, NI_NAMEREQD);
    if (rc != 0) {
        const std::string reason = rc == EAI_SYSTEM ? std::strerror(errno) : ::gai_strerror(rc);
        return fail(
            "no host name for " + address.toString() + ": " + reason,
            rc == EAI_AGAIN ? "the name server did not answer; it is asked again later" : "");
    }
    return std::string(host);
}

}  // namespace netmon
