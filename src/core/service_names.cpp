// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/service_names.h"

#include <algorithm>
#include <array>

namespace netmon {
namespace {

enum Transport : std::uint8_t { kTcp = 1, kUdp = 2, kBoth = 3 };

struct Service {
    std::uint16_t port;
    Transport transport;
    std::string_view name;
};

// Sorted by port. IANA service names, lower case.
constexpr std::array kServices{
    Service{20, kTcp, "ftp-data"},
    Service{21, kTcp, "ftp"},
    Service{22, kTcp, "ssh"},
    Service{23, kTcp, "telnet"},
    Service{25, kTcp, "smtp"},
    Service{53, kBoth, "domain"},
    Service{67, kUdp, "bootps"},
    Service{68, kUdp, "bootpc"},
    Service{69, kUdp, "tftp"},
    Service{80, kBoth, "http"},
    Service{88, kBoth, "kerberos"},
    Service{110, kTcp, "pop3"},
    Service{111, kBoth, "sunrpc"},
    Service{119, kTcp, "nntp"},
    Service{123, kUdp, "ntp"},
    Service{137, kUdp, "netbios-ns"},
    Service{138, kUdp, "netbios-dgm"},
    Service{139, kTcp, "netbios-ssn"},
    Service{143, kTcp, "imap"},
    Service{161, kUdp, "snmp"},
    Service{162, kUdp, "snmptrap"},
    Service{179, kTcp, "bgp"},
    Service{389, kBoth, "ldap"},
    Service{443, kBoth, "https"},
    Service{445, kTcp, "microsoft-ds"},
    Service{465, kTcp, "submissions"},
    Service{500, kUdp, "isakmp"},
    Service{514, kUdp, "syslog"},
    Service{515, kTcp, "printer"},
    Service{546, kUdp, "dhcpv6-client"},
    Service{547, kUdp, "dhcpv6-server"},
    Service{554, kBoth, "rtsp"},
    Service{587, kTcp, "submission"},
    Service{631, kBoth, "ipp"},
    Service{636, kTcp, "ldaps"},
    Service{853, kBoth, "domain-s"},
    Service{873, kTcp, "rsync"},
    Service{993, kTcp, "imaps"},
    Service{995, kTcp, "pop3s"},
    Service{1194, kBoth, "openvpn"},
    Service{1433, kTcp, "ms-sql-s"},
    Service{1701, kUdp, "l2tp"},
    Service{1723, kTcp, "pptp"},
    Service{1883, kTcp, "mqtt"},
    Service{1900, kUdp, "ssdp"},
    Service{2049, kBoth, "nfs"},
    Service{3128, kTcp, "squid"},
    Service{3306, kTcp, "mysql"},
    Service{3389, kBoth, "ms-wbt-server"},
    Service{3478, kBoth, "stun"},
    Service{4500, kUdp, "ipsec-nat-t"},
    Service{5060, kBoth, "sip"},
    Service{5222, kTcp, "xmpp-client"},
    Service{5353, kUdp, "mdns"},
    Service{5355, kUdp, "llmnr"},
    Service{5432, kTcp, "postgresql"},
    Service{5900, kTcp, "vnc"},
    Service{6379, kTcp, "redis"},
    Service{6443, kTcp, "kubernetes"},
    Service{6881, kBoth, "bittorrent"},
    Service{8080, kTcp, "http-alt"},
    Service{8443, kTcp, "https-alt"},
    Service{9090, kTcp, "prometheus"},
    Service{9100, kTcp, "node-exporter"},
    Service{11211, kTcp, "memcache"},
    Service{27017, kTcp, "mongodb"},
    Service{51820, kUdp, "wireguard"},
};

constexpr bool sortedByPort() {
    for (std::size_t i = 1; i < kServices.size(); ++i) {
        if (kServices[i - 1].port >= kServices[i].port) {
            return false;
        }
    }
    return true;
}
static_assert(sortedByPort(), "the table is searched by binary search");

}  // namespace

std::string_view serviceName(Protocol protocol, std::uint16_t port) {
    const Transport wanted =
        protocol == Protocol::Tcp ? kTcp : (protocol == Protocol::Udp ? kUdp : Transport{0});
    const auto found = std::lower_bound(
        kServices.begin(), kServices.end(), port,
        [](const Service& service, std::uint16_t value) { return service.port < value; });
    if (found == kServices.end() || found->port != port || (found->transport & wanted) == 0) {
        return {};
    }
    return found->name;
}

}  // namespace netmon
