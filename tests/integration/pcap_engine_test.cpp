// SPDX-License-Identifier: GPL-3.0-or-later
// The libpcap engine inside namespace a of a quiet veth pair: per-flow bytes and packets equal
// what the test sent (wire bytes computed by hand), and flows + other equal the veth's own
// counters exactly, per direction. Interfaces come and go during the capture.
#include <gtest/gtest.h>

#include <memory>

#include "capture/pcap/pcap_capture_engine.h"
#include "integration/capture_engine_scenarios.h"
#include "integration/pcap_engine_support.h"
#include "integration/test_network.h"
#include "support/network_namespace.h"

namespace netmon::test {
namespace {

class PcapEngine : public ::testing::Test {
protected:
    void SetUp() override {
        if (const auto reason = TestNetwork::unavailableReason()) {
            GTEST_SKIP() << *reason;
        }
        network = std::make_unique<TestNetwork>();
        engine = capture::makePcapCaptureEngine();
        attach({network->ifA});
        baseline = kernelCounters(*network, network->ifA);
    }

    void attach(const std::vector<std::string>& names) {
        const auto attached =
            inNetworkNamespace(network->nsA, [&] { return engine->setInterfaces(names); });
        ASSERT_TRUE(attached) << attached.error().describe();
    }

    EngineUnderTest underTest() {
        return {*engine, *network, baseline, [this](const auto& names) { attach(names); }};
    }

    std::unique_ptr<TestNetwork> network;
    std::unique_ptr<CaptureEngine> engine;
    InterfaceCounters baseline;
};

TEST_F(PcapEngine, CountsUdpTcpAndIcmpToTheByteAndAddsUpToTheVethCounters) {
    checkMixedTrafficCountedExactly(underTest(), std::nullopt);
}

TEST_F(PcapEngine, AnInterfaceAddedDuringCaptureIsPickedUpWithoutDisturbingTheOthers) {
    checkInterfaceAddedIsPickedUp(underTest(), "c");
}

TEST_F(PcapEngine, AnInterfaceDeletedMidCaptureEndsItsThreadWithAWarning) {
    checkInterfaceDeletedEndsWithAWarning(underTest(), "d");
}

}  // namespace
}  // namespace netmon::test
