// SPDX-License-Identifier: GPL-3.0-or-later
// `netmon watch --json` against the kernel's own counters, with traffic of a known size.
#include <gtest/gtest.h>
#include <signal.h>

#include <sstream>

#include "integration/child_process.h"
#include "integration/cli_json.h"
#include "integration/network_test.h"
#include "integration/test_network.h"
#include "integration/udp_traffic.h"

namespace netmon::test {
namespace {

using namespace std::chrono_literals;

struct Counters {
    std::uint64_t rxBytes, txBytes, rxPackets, txPackets;
};

Counters kernelCounters(const TestNetwork& network) {
    return {network.counter(network.nsA, network.ifA, "rx_bytes"),
            network.counter(network.nsA, network.ifA, "tx_bytes"),
            network.counter(network.nsA, network.ifA, "rx_packets"),
            network.counter(network.nsA, network.ifA, "tx_packets")};
}

nlohmann::json interfaceOf(const std::string& line, const std::string& name) {
    const nlohmann::json tick = nlohmann::json::parse(line);
    const auto found = findNamed(tick.at("interfaces"), name);
    return found ? *found : nlohmann::json();
}

using CliWatch = NetworkTest;

TEST_F(CliWatch, DeltasAndRatesMatchTheKernelForKnownUdpTraffic) {
    const TestNetwork& network = *m_network;
    constexpr int kDatagrams = 200;
    constexpr int kPayload = 1000;
    const std::uint64_t expectedBytes = kDatagrams * (kPayload + kUdpOverIpv4FrameOverhead);

    const Counters before = kernelCounters(network);
    ChildProcess watch(network.inA({kNetmon, "--mode", "basic", "watch", "--json", "--interval",
                                    "200", "--iface", network.ifA}));
    const auto firstLine = watch.readLine(10s);
    ASSERT_TRUE(firstLine) << watch.drainStderr();
    const nlohmann::json first = interfaceOf(*firstLine, network.ifA);
    ASSERT_FALSE(first.is_null()) << *firstLine;
    EXPECT_TRUE(first["rx_bps"].is_null()) << "no rate on the first tick";
    EXPECT_EQ(first["rx_bytes"].get<std::uint64_t>(), before.rxBytes) << "the link is quiet";

    const UdpTransfer transfer = sendUdpFromBToA(network, kDatagrams, kPayload, 40'000);
    ASSERT_EQ(transfer.received, kDatagrams);

    // Read ticks until the packets are all counted, then one more to see nothing else arrives.
    double bytesFromRates = 0;
    nlohmann::json last = first;
    bool allCounted = false;
    for (int ticks = 0; ticks < 100; ++ticks) {
        const auto line = watch.readLine(5s);
        ASSERT_TRUE(line) << watch.drainStderr();
        last = interfaceOf(*line, network.ifA);
        ASSERT_FALSE(last.is_null());
        bytesFromRates += last["rx_bps"].get<double>() * last["elapsed_s"].get<double>() / 8.0;
        if (allCounted) {
            break;
        }
        allCounted = last["rx_packets"].get<std::uint64_t>() >= before.rxPackets + kDatagrams;
    }
    ASSERT_TRUE(allCounted);
    const Counters after = kernelCounters(network);
    watch.signal(SIGTERM);
    EXPECT_EQ(watch.wait(5s), 0);

    // Three independent figures agree: hand-computed wire bytes, the kernel, and netmon.
    EXPECT_EQ(after.rxBytes - before.rxBytes, expectedBytes);
    EXPECT_EQ(last["rx_bytes"].get<std::uint64_t>() - first["rx_bytes"].get<std::uint64_t>(),
              after.rxBytes - before.rxBytes);
    EXPECT_EQ(last["rx_packets"].get<std::uint64_t>() - first["rx_packets"].get<std::uint64_t>(),
              after.rxPackets - before.rxPackets);
    EXPECT_EQ(after.rxPackets - before.rxPackets, static_cast<std::uint64_t>(kDatagrams));
    EXPECT_EQ(last["tx_bytes"].get<std::uint64_t>() - first["tx_bytes"].get<std::uint64_t>(),
              after.txBytes - before.txBytes);
    // The rates, multiplied back by each tick's length, add up to the same bytes.
    EXPECT_NEAR(bytesFromRates, static_cast<double>(expectedBytes), 0.01);
}

TEST_F(CliWatch, CountEndsItWithNumberedTicks) {
    const CommandResult result =
        runCommand(m_network->inA({kNetmon, "--mode", "basic", "watch", "--json", "--count", "3",
                                   "--interval", "100"}),
                   20s);
    ASSERT_EQ(result.status, 0) << result.err;
    std::istringstream lines(result.out);
    std::string line;
    std::vector<std::uint64_t> sequences;
    while (std::getline(lines, line)) {
        sequences.push_back(nlohmann::json::parse(line)["sequence"].get<std::uint64_t>());
    }
    EXPECT_EQ(sequences, (std::vector<std::uint64_t>{1, 2, 3}));
}

TEST_F(CliWatch, KeepsRunningWhenTheInterfaceIsDeleted) {
    const TestNetwork& network = *m_network;
    ChildProcess watch(
        network.inA({kNetmon, "--mode", "basic", "watch", "--json", "--interval", "100"}));
    const auto firstLine = watch.readLine(10s);
    ASSERT_TRUE(firstLine) << watch.drainStderr();
    ASSERT_FALSE(interfaceOf(*firstLine, network.ifA).is_null());

    network.deleteLink();
    bool gone = false;
    for (int ticks = 0; ticks < 50 && !gone; ++ticks) {
        const auto line = watch.readLine(5s);
        ASSERT_TRUE(line) << "watch stopped: " << watch.drainStderr();
        gone = interfaceOf(*line, network.ifA).is_null();
    }
    EXPECT_TRUE(gone);
    for (int ticks = 0; ticks < 3; ++ticks) {
        const auto line = watch.readLine(5s);
        ASSERT_TRUE(line) << "watch stopped after the interface went: " << watch.drainStderr();
        EXPECT_FALSE(interfaceOf(*line, "lo").is_null());
    }
    EXPECT_TRUE(watch.running());
    watch.signal(SIGTERM);
    EXPECT_EQ(watch.wait(5s), 0);
}

TEST_F(CliWatch, PlainOutputIsATablePerTick) {
    const CommandResult result =
        runCommand(m_network->inA({kNetmon, "--mode", "basic", "watch", "--count", "2",
                                   "--interval", "100", "--all"}),
                   20s);
    ASSERT_EQ(result.status, 0) << result.err;
    EXPECT_NE(result.out.find("DOWNLOAD"), std::string::npos);
    EXPECT_NE(result.out.find(m_network->ifA), std::string::npos);
    EXPECT_EQ(result.out.find("\x1b["), std::string::npos) << "no terminal codes into a pipe";
}

}  // namespace
}  // namespace netmon::test
