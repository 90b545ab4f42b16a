// SPDX-License-Identifier: GPL-3.0-or-later
// Reads the machine's real interfaces and checks them against independent kernel truths:
// /sys/class/net/*/statistics and /proc/net/dev, read right before and after.
#include <gtest/gtest.h>

#include <algorithm>
#include <charconv>
#include <map>
#include <string>

#include "core/sources/interface_source.h"
#include "platform/linux/proc_interface_reader.h"
#include "platform/linux/proc_net_dev_parser.h"
#include "platform/linux/text_file.h"
#include "platform/source_factories.h"

namespace netmon {
namespace {

using linux_platform::readTextFile;

std::uint64_t sysfsCounter(const std::string& name, const std::string& counter) {
    const auto text = readTextFile("/sys/class/net/" + name + "/statistics/" + counter);
    EXPECT_TRUE(text) << text.error().message;
    std::uint64_t value = 0;
    if (text) {
        std::from_chars(text->data(), text->data() + text->size(), value);
    }
    return value;
}

std::map<std::string, InterfaceCounters> procNetDev() {
    const auto text = readTextFile("/proc/net/dev");
    EXPECT_TRUE(text) << text.error().message;
    std::map<std::string, InterfaceCounters> byName;
    if (!text) {
        return byName;
    }
    const auto entries = linux_platform::parseProcNetDev(*text);
    EXPECT_TRUE(entries) << entries.error().message;
    for (const auto& entry : entries.value_or(std::vector<linux_platform::ProcNetDevEntry>{})) {
        byName[entry.name] = entry.counters;
    }
    return byName;
}

const InterfaceStat* find(const std::vector<InterfaceStat>& interfaces, std::string_view name) {
    const auto found =
        std::find_if(interfaces.begin(), interfaces.end(),
                     [name](const InterfaceStat& stat) { return stat.name == name; });
    return found == interfaces.end() ? nullptr : &*found;
}

TEST(InterfaceSourceLive, LoopbackMatchesSysfs) {
    auto source = makeInterfaceSource();
    const std::uint64_t rxBefore = sysfsCounter("lo", "rx_bytes");
    const std::uint64_t txBefore = sysfsCounter("lo", "tx_bytes");
    const auto interfaces = source->read();
    const std::uint64_t rxAfter = sysfsCounter("lo", "rx_bytes");
    const std::uint64_t txAfter = sysfsCounter("lo", "tx_bytes");
    ASSERT_TRUE(interfaces) << interfaces.error().describe();
    EXPECT_EQ(source->mechanism(), "netlink");

    const InterfaceStat* lo = find(*interfaces, "lo");
    ASSERT_NE(lo, nullptr);
    EXPECT_EQ(lo->kind, InterfaceKind::Loopback);
    EXPECT_TRUE(lo->isVirtual);
    EXPECT_EQ(lo->index, 1U);
    EXPECT_EQ(lo->counterBits, 64U);
    EXPECT_LE(rxBefore, lo->counters.rxBytes);
    EXPECT_LE(lo->counters.rxBytes, rxAfter);
    EXPECT_LE(txBefore, lo->counters.txBytes);
    EXPECT_LE(lo->counters.txBytes, txAfter);
    EXPECT_NE(std::find(lo->addresses.begin(), lo->addresses.end(), "127.0.0.1/8"),
              lo->addresses.end());
    EXPECT_FALSE(lo->traffic);
}

TEST(InterfaceSourceLive, NetlinkAgreesWithProcNetDevForEveryInterface) {
    auto source = makeInterfaceSource();
    const auto before = procNetDev();
    const auto interfaces = source->read();
    const auto after = procNetDev();
    ASSERT_TRUE(interfaces) << interfaces.error().describe();
    ASSERT_EQ(interfaces->size(), before.size());
    for (const InterfaceStat& stat : *interfaces) {
        SCOPED_TRACE(stat.name);
        ASSERT_TRUE(before.contains(stat.name) && after.contains(stat.name));
        const InterfaceCounters& low = before.at(stat.name);
        const InterfaceCounters& high = after.at(stat.name);
        EXPECT_LE(low.rxBytes, stat.counters.rxBytes);
        EXPECT_LE(stat.counters.rxBytes, high.rxBytes);
        EXPECT_LE(low.txBytes, stat.counters.txBytes);
        EXPECT_LE(stat.counters.txBytes, high.txBytes);
        EXPECT_LE(low.rxPackets, stat.counters.rxPackets);
        EXPECT_LE(stat.counters.rxPackets, high.rxPackets);
        EXPECT_LE(low.txPackets, stat.counters.txPackets);
        EXPECT_LE(stat.counters.txPackets, high.txPackets);
        EXPECT_GT(stat.index, 0U);
    }
}

// The fallback reader (/proc/net/dev + sysfs) must describe the same links as netlink.
TEST(InterfaceSourceLive, ProcFallbackAgreesWithNetlink) {
    auto source = makeInterfaceSource();
    const auto fromNetlink = source->read();
    const auto fromProc = linux_platform::readInterfacesFromProc();
    ASSERT_TRUE(fromNetlink) << fromNetlink.error().describe();
    ASSERT_TRUE(fromProc) << fromProc.error().describe();
    ASSERT_EQ(fromProc->size(), fromNetlink->size());
    for (const InterfaceStat& proc : *fromProc) {
        SCOPED_TRACE(proc.name);
        const InterfaceStat* netlink = find(*fromNetlink, proc.name);
        ASSERT_NE(netlink, nullptr);
        EXPECT_EQ(proc.index, netlink->index);
        EXPECT_EQ(proc.mac, netlink->mac);
        EXPECT_EQ(proc.state, netlink->state);
        EXPECT_EQ(proc.isVirtual, netlink->isVirtual);
        EXPECT_EQ(proc.speedMbps, netlink->speedMbps);
        // Without IFLA_INFO_KIND the fallback cannot always name a software kind.
        if (!netlink->isVirtual || netlink->kind == InterfaceKind::Loopback) {
            EXPECT_EQ(proc.kind, netlink->kind);
        }
        EXPECT_LE(netlink->counters.rxBytes, proc.counters.rxBytes);
        EXPECT_LE(netlink->counters.txPackets, proc.counters.txPackets);
    }
}

TEST(InterfaceSourceLive, CountersNeverGoBackwardsBetweenReads) {
    auto source = makeInterfaceSource();
    const auto first = source->read();
    const auto second = source->read();
    ASSERT_TRUE(first && second);
    for (const InterfaceStat& later : *second) {
        if (const InterfaceStat* earlier = find(*first, later.name)) {
            EXPECT_LE(earlier->counters.rxBytes, later.counters.rxBytes) << later.name;
            EXPECT_LE(earlier->counters.txBytes, later.counters.txBytes) << later.name;
        }
    }
}

TEST(InterfaceSourceLive, MissingProcFileIsAnErrorNotZeros) {
    const auto result = linux_platform::readInterfacesFromProc("/proc/net/no-such-file");
    ASSERT_FALSE(result);
    EXPECT_NE(result.error().message.find("/proc/net/no-such-file"), std::string::npos);
}

}  // namespace
}  // namespace netmon
