// SPDX-License-Identifier: GPL-3.0-or-later
#include <optional>
#include <string_view>

#include "core/sources/interface_source.h"
#include "core/utf8_text.h"
#include "platform/linux/netlink_interface_reader.h"
#include "platform/linux/proc_interface_reader.h"
#include "platform/source_factories.h"

namespace netmon {
namespace {

constexpr std::string_view kNetlink = "netlink";
constexpr std::string_view kProcNetDev = "/proc/net/dev";

// A Linux interface name is any bytes but '/', ':', blanks and NUL (`ip link add name $'\xff'`
// works). Made valid UTF-8 here, as it enters core, and not in the parsers: the sysfs reads
// after them need the name as the kernel spells it.
Result<std::vector<InterfaceStat>> withValidNames(Result<std::vector<InterfaceStat>> interfaces) {
    if (interfaces) {
        for (InterfaceStat& interface : *interfaces) {
            interface.name = toValidUtf8(interface.name);
        }
    }
    return interfaces;
}

// Netlink first; /proc/net/dev (+ sysfs) when netlink cannot be opened at all (a sandbox
// without AF_NETLINK), or for one reading when a dump fails. Both show the same kernel
// counters, so switching between them never looks like a counter reset.
class LinuxInterfaceSource final : public InterfaceSource {
public:
    LinuxInterfaceSource() {
        auto reader = linux_platform::NetlinkInterfaceReader::open();
        if (reader) {
            m_netlink.emplace(std::move(*reader));
        } else {
            m_netlinkError = reader.error().message;
            m_mechanism = kProcNetDev;
        }
    }

    Result<std::vector<InterfaceStat>> read() override {
        if (m_netlink) {
            auto interfaces = withValidNames(m_netlink->read());
            if (interfaces) {
                m_mechanism = kNetlink;
                return interfaces;
            }
            m_netlinkError = interfaces.error().message;
        }
        auto interfaces = withValidNames(linux_platform::readInterfacesFromProc());
        if (interfaces) {
            m_mechanism = kProcNetDev;
            return interfaces;
        }
        return fail("cannot read interface counters: netlink: " + m_netlinkError +
                        "; /proc/net/dev: " + interfaces.error().message,
                    "check that /proc is mounted and the process may open netlink sockets");
    }

    [[nodiscard]] std::string_view mechanism() const override { return m_mechanism; }

private:
    std::optional<linux_platform::NetlinkInterfaceReader> m_netlink;
    std::string m_netlinkError;
    std::string_view m_mechanism = kNetlink;
};

}  // namespace

std::unique_ptr<InterfaceSource> makeInterfaceSource() {
    return std::make_unique<LinuxInterfaceSource>();
}

}  // namespace netmon
