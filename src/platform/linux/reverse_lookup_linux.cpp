// SPDX-License-Identifier: GPL-3.0-or-later
#include <netdb.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <cerrno>
#include <cstring>

#include "platform/reverse_lookup.h"

namespace netmon {

Result<std::string> reverseLookup(const IpAddress& address) {
    // A dual-stack socket's IPv4 peer (::ffff:a.b.c.d) has its PTR record under in-addr.arpa.
    const IpAddress plain = address.unmapped();
    sockaddr_storage storage{};
    socklen_t length = 0;
    if (plain.isV4()) {
        sockaddr_in v4{};
        v4.sin_family = AF_INET;
        std::memcpy(&v4.sin_addr, plain.bytes().data(), 4);
        std::memcpy(&storage, &v4, sizeof v4);
        length = sizeof v4;
    } else if (plain.isV6()) {
        sockaddr_in6 v6{};
        v6.sin6_family = AF_INET6;
        std::memcpy(&v6.sin6_addr, plain.bytes().data(), 16);
        std::memcpy(&storage, &v6, sizeof v6);
        length = sizeof v6;
    } else {
        return fail("no address to look up");
    }
    char host[NI_MAXHOST];
    // NI_NAMEREQD: an address without a PTR record is a failure, not its own text back.
    const int rc = ::getnameinfo(reinterpret_cast<const sockaddr*>(&storage), length, host,
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
