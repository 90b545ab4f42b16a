// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/enum_names.h"

#include <gtest/gtest.h>

#include "core/config.h"
#include "core/model/flow_key.h"
#include "core/model/flow_stat.h"
#include "core/model/interface_stat.h"
#include "core/model/snapshot.h"

namespace netmon {
namespace {

// Each name as the CLI's JSON documents it, written out here rather than taken from toString.
TEST(EnumNamesTest, EveryNameReadsBackAsItsValue) {
    EXPECT_EQ(parseProtocol("tcp"), Protocol::Tcp);
    EXPECT_EQ(parseProtocol("udp"), Protocol::Udp);
    EXPECT_EQ(parseProtocol("icmp"), Protocol::Icmp);
    EXPECT_EQ(parseProtocol("icmpv6"), Protocol::Icmpv6);
    EXPECT_EQ(parseProtocol("other"), Protocol::Other);

    EXPECT_EQ(parseOwnerVisibility("known"), OwnerVisibility::Known);
    EXPECT_EQ(parseOwnerVisibility("needs-admin"), OwnerVisibility::NeedsAdmin);
    EXPECT_EQ(parseOwnerVisibility("none"), OwnerVisibility::NoOwner);

    EXPECT_EQ(parseOperState("unknown"), OperState::Unknown);
    EXPECT_EQ(parseOperState("not-present"), OperState::NotPresent);
    EXPECT_EQ(parseOperState("down"), OperState::Down);
    EXPECT_EQ(parseOperState("lower-layer-down"), OperState::LowerLayerDown);
    EXPECT_EQ(parseOperState("testing"), OperState::Testing);
    EXPECT_EQ(parseOperState("dormant"), OperState::Dormant);
    EXPECT_EQ(parseOperState("up"), OperState::Up);

    EXPECT_EQ(parseInterfaceKind("ethernet"), InterfaceKind::Ethernet);
    EXPECT_EQ(parseInterfaceKind("wireless"), InterfaceKind::Wireless);
    EXPECT_EQ(parseInterfaceKind("loopback"), InterfaceKind::Loopback);
    EXPECT_EQ(parseInterfaceKind("veth"), InterfaceKind::Veth);
    EXPECT_EQ(parseInterfaceKind("bridge"), InterfaceKind::Bridge);
    EXPECT_EQ(parseInterfaceKind("tunnel"), InterfaceKind::Tunnel);
    EXPECT_EQ(parseInterfaceKind("container"), InterfaceKind::Container);
    EXPECT_EQ(parseInterfaceKind("bond"), InterfaceKind::Bond);
    EXPECT_EQ(parseInterfaceKind("vlan"), InterfaceKind::Vlan);
    EXPECT_EQ(parseInterfaceKind("other"), InterfaceKind::Other);

    EXPECT_EQ(parseMonitoringMode("basic"), MonitoringMode::Basic);
    EXPECT_EQ(parseMonitoringMode("deep"), MonitoringMode::Deep);

    EXPECT_EQ(parseCaptureMode("auto"), CaptureMode::Auto);
    EXPECT_EQ(parseCaptureMode("basic"), CaptureMode::Basic);
    EXPECT_EQ(parseCaptureMode("deep"), CaptureMode::Deep);
}

// Names are exact: another case, a neighbour's name or a number is no value.
TEST(EnumNamesTest, OtherTextIsNoValue) {
    EXPECT_FALSE(parseProtocol("TCP"));
    EXPECT_FALSE(parseProtocol("6"));
    EXPECT_FALSE(parseProtocol(""));
    EXPECT_FALSE(parseOwnerVisibility("needs_admin"));
    EXPECT_FALSE(parseOperState("UP"));
    EXPECT_FALSE(parseOperState("lower-layer-down "));
    EXPECT_FALSE(parseInterfaceKind("wifi"));
    EXPECT_FALSE(parseMonitoringMode("auto"));
    EXPECT_FALSE(parseCaptureMode("Deep"));
}

}  // namespace
}  // namespace netmon
