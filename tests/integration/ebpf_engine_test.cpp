// SPDX-License-Identifier: GPL-3.0-or-later
// The eBPF engine inside namespace a of a quiet veth pair: per-flow bytes and packets equal
// what the test sent (wire bytes computed by hand), flows + other equal the veth's own
// counters exactly, per direction; flows carry the process that owns their socket; interfaces
// come and go; a full flow map loses no byte. (Cleanup: ebpf_lifecycle_test.cpp.)
#include <gtest/gtest.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <iostream>
#include <map>
#include <thread>

#include "capture/ebpf/ebpf_capture_engine.h"
#include "integration/capture_engine_scenarios.h"
#include "integration/child_process.h"
#include "integration/ebpf_engine_support.h"
#include "integration/namespace_socket.h"
#include "integration/pcap_engine_support.h"
#include "integration/test_network.h"
#include "integration/udp_traffic.h"

namespace netmon::test {
namespace {

using namespace std::chrono_literals;

std::string ownCommand() {
    std::ifstream file("/proc/self/comm");
    std::string command;
    std::getline(file, command);
    return command;
}

class EbpfEngine : public EbpfEngineTest {
protected:
    EngineUnderTest underTest() {
        return {*engine, *network, baseline, [this](const auto& names) { attach(names); }};
    }
};

TEST_F(EbpfEngine, CountsUdpTcpAndIcmpToTheByteAndAddsUpToTheVethCounters) {
    checkMixedTrafficCountedExactly(
        underTest(), ExpectedOwner{static_cast<std::uint32_t>(::getpid()), ownCommand()});
}

TEST_F(EbpfEngine, AFlowSentByAChildProcessCarriesTheChildsPid) {
    NamespaceSocket sink(network->nsB, SOCK_DGRAM);  // so no "port unreachable" comes back
    bindTo(sink, network->addressB, 47700);
    ChildProcess child(network->inA({"bash", "-c",
                                     "exec 3>/dev/udp/" + network->addressB +
                                         "/47700; echo -n hello >&3; "
                                         "sleep 0.3"}));
    const pid_t childPid = child.pid();  // `ip netns exec` execs bash in the same process
    ASSERT_EQ(child.wait(10s), 0) << child.drainStderr();

    const CaptureReading reading =
        readUntilMatching(*engine, *network, network->ifA, network->addressA, baseline);
    bool found = false;
    for (const CapturedFlow& flow : reading.flows) {
        if (flow.key.protocol == Protocol::Udp && flow.key.remotePort == 47700) {
            found = true;
            EXPECT_EQ(flow.packetsOut, 1u);
            EXPECT_EQ(flow.bytesOut, 5 + kUdpOverIpv4FrameOverhead);
            EXPECT_EQ(flow.pid, static_cast<std::uint32_t>(childPid));
            EXPECT_EQ(flow.command, "bash");
        }
    }
    EXPECT_TRUE(found);
}

// fentry/fexit hooks where the kernel allows them (older kernels' way); where it does not (no
// BPF trampolines, or locked down, as on some VMs), flows are still counted, without
// processes, and the reading says why.
TEST_F(EbpfEngine, WithTheFentryHooksFlowsHaveTheirProcessOrAWarningSaysWhyNot) {
    capture::EbpfOptions options;
    options.ownerHooks = capture::OwnerHooks::Fentry;
    restartEngine(options);
    ASSERT_EQ(sendUdpFromBToA(*network, 3, 100, 47800).received, 3);
    const CaptureReading reading =
        readUntilMatching(*engine, *network, network->ifA, network->addressA, baseline);
    expectSumsEqualCounters(reading, *network, network->ifA, network->addressA, baseline);
    const auto flow = findFlow(reading, Protocol::Udp, network->addressA, 47800, network->addressB);
    ASSERT_TRUE(flow);
    EXPECT_EQ(flow->packetsIn, 3u);
    std::string warnings;
    for (const std::string& warning : reading.warnings) {
        warnings += warning + "\n";
    }
    if (flow->pid) {
        EXPECT_EQ(*flow->pid, static_cast<std::uint32_t>(::getpid()));
    } else {
        EXPECT_NE(warnings.find("without their processes"), std::string::npos) << warnings;
        std::cout << "[   INFO   ] fentry hooks unavailable here: " << warnings;
    }
}

TEST_F(EbpfEngine, AnInterfaceAddedDuringCaptureIsPickedUpWithoutDisturbingTheOthers) {
    checkInterfaceAddedIsPickedUp(underTest(), "e");
}

TEST_F(EbpfEngine, AnInterfaceDeletedMidCaptureEndsWithAWarningAndTheRestGoesOn) {
    checkInterfaceDeletedEndsWithAWarning(underTest(), "f");
}

// 48 new flows into a 32-flow map: what finds no room is counted as 'other' (so the sums stay
// exact), idle flows are evicted, and the bytes of every flow ever reported add up.
TEST_F(EbpfEngine, AFullFlowMapLosesNoByteAndMakesRoomByEvictingIdleFlows) {
    capture::EbpfOptions options;
    options.flowCapacity = 32;
    options.idleReadsBeforeEviction = 1;
    restartEngine(options);
    std::map<FlowKey, CapturedFlow> seen;  // the last reading of every flow ever reported
    std::vector<std::string> warnings;
    UnflowedTraffic lastOther;
    const auto readAll = [&] {
        const auto reading = engine->read();
        ASSERT_TRUE(reading) << reading.error().describe();
        for (const CapturedFlow& flow : reading->flows) {
            seen[flow.key] = flow;
        }
        warnings.insert(warnings.end(), reading->warnings.begin(), reading->warnings.end());
        lastOther = reading->interfaces.at(0).other;
    };
    for (int round = 0; round < 3; ++round) {
        for (int i = 0; i < 16; ++i) {
            const auto port = static_cast<std::uint16_t>(48000 + i + 16 * round);
            ASSERT_EQ(sendUdpFromBToA(*network, 1, 50, port).received, 1);
        }
        readAll();
        readAll();  // idle once more: evictable
    }
    std::this_thread::sleep_for(100ms);
    readAll();
    InterfaceCounters total;
    for (const auto& [key, flow] : seen) {
        total.rxBytes += flow.bytesIn;
        total.rxPackets += flow.packetsIn;
        total.txPackets += flow.packetsOut;
    }
    total.rxBytes += lastOther.bytesIn;
    total.rxPackets += lastOther.packetsIn;
    const InterfaceCounters kernel = kernelCounters(*network, network->ifA);
    EXPECT_EQ(total.rxBytes, kernel.rxBytes - baseline.rxBytes);
    EXPECT_EQ(total.rxPackets, kernel.rxPackets - baseline.rxPackets);
    std::string all;
    for (const std::string& warning : warnings) {
        all += warning + "\n";
    }
    EXPECT_NE(all.find("idle flows evicted"), std::string::npos) << all;
    EXPECT_NE(all.find("eBPF flow map full"), std::string::npos) << all;
    EXPECT_GT(lastOther.packetsIn, 0u) << "no packet found the map full";
}

}  // namespace
}  // namespace netmon::test
