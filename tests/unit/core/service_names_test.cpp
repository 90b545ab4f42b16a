// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/service_names.h"

#include <gtest/gtest.h>

namespace netmon {
namespace {

TEST(ServiceNames, WellKnownPortsByTransport) {
    EXPECT_EQ(serviceName(Protocol::Tcp, 443), "https");
    EXPECT_EQ(serviceName(Protocol::Udp, 443), "https");  // QUIC
    EXPECT_EQ(serviceName(Protocol::Udp, 53), "domain");
    EXPECT_EQ(serviceName(Protocol::Tcp, 22), "ssh");
    EXPECT_EQ(serviceName(Protocol::Udp, 22), "") << "ssh is TCP only";
    EXPECT_EQ(serviceName(Protocol::Tcp, 123), "") << "ntp is UDP only";
    EXPECT_EQ(serviceName(Protocol::Tcp, 51234), "");
    EXPECT_EQ(serviceName(Protocol::Icmp, 0), "");
    EXPECT_EQ(serviceName(Protocol::Udp, 51820), "wireguard");
}

}  // namespace
}  // namespace netmon
