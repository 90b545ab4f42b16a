// SPDX-License-Identifier: GPL-3.0-or-later
// `netmon record`, then `history` and `usage`, against the kernel's counters and a known transfer.
#include <gtest/gtest.h>
#include <signal.h>

#include <thread>

#include "fakes/temp_dir.h"
#include "integration/child_process.h"
#include "integration/cli_json.h"
#include "integration/network_test.h"
#include "integration/test_network.h"
#include "integration/udp_traffic.h"

namespace netmon::test {
namespace {

using namespace std::chrono_literals;

struct Totals {
    std::uint64_t rxBytes = 0, txBytes = 0, rxPackets = 0, txPackets = 0;
    friend bool operator==(const Totals&, const Totals&) = default;
};

void PrintTo(const Totals& t, std::ostream* out) {
    *out << "{rx " << t.rxBytes << " B / " << t.rxPackets << " pkts, tx " << t.txBytes << " B / "
         << t.txPackets << " pkts}";
}

class CliRecord : public NetworkTest {
protected:
    Totals kernel() const {
        const TestNetwork& n = *m_network;
        return {n.counter(n.nsA, n.ifA, "rx_bytes"), n.counter(n.nsA, n.ifA, "tx_bytes"),
                n.counter(n.nsA, n.ifA, "rx_packets"), n.counter(n.nsA, n.ifA, "tx_packets")};
    }

    // Sums `netmon history --json` rows of the test's interface at one resolution.
    Totals history(const std::string& resolution) const {
        const CommandResult result =
            runCommand({kNetmon, "history", "--json", "--db", m_database, "--iface", m_network->ifA,
                        "--since", "-2d", "--until", "now", "--resolution", resolution});
        EXPECT_EQ(result.status, 0) << result.err;
        Totals totals;
        for (const auto& row : nlohmann::json::parse(result.out)) {
            EXPECT_EQ(row["interface"], m_network->ifA);
            totals.rxBytes += row["rx_bytes"].get<std::uint64_t>();
            totals.txBytes += row["tx_bytes"].get<std::uint64_t>();
            totals.rxPackets += row["rx_packets"].get<std::uint64_t>();
            totals.txPackets += row["tx_packets"].get<std::uint64_t>();
        }
        return totals;
    }

    // Starts `record`, sends the datagrams, stops it with `stopSignal`; returns the kernel's
    // counter change over the whole run.
    Totals recordTransfer(int datagrams, int payload, const std::string& interval, int stopSignal,
                          std::chrono::milliseconds settle) {
        const Totals before = kernel();
        ChildProcess record(m_network->inA(
            {kNetmon, "--mode", "basic", "record", "--db", m_database, "--interval", interval}));
        // The first tick (the baseline) is taken as recording starts.
        std::this_thread::sleep_for(700ms);
        EXPECT_TRUE(record.running()) << record.drainStderr();
        const UdpTransfer transfer = sendUdpFromBToA(*m_network, datagrams, payload, 40'001);
        EXPECT_EQ(transfer.received, datagrams);
        std::this_thread::sleep_for(settle);
        record.signal(stopSignal);
        EXPECT_EQ(record.wait(10s), 0) << record.drainStderr();
        EXPECT_NE(record.drainStderr().find("samples written"), std::string::npos);
        const Totals after = kernel();
        return {after.rxBytes - before.rxBytes, after.txBytes - before.txBytes,
                after.rxPackets - before.rxPackets, after.txPackets - before.txPackets};
    }

    TempDir m_dir;
    std::string m_database = (m_dir.path() / "history.db").string();
};

TEST_F(CliRecord, HistoryAtEveryResolutionEqualsTheKernelAndTheTransfer) {
    constexpr int kDatagrams = 300;
    constexpr int kPayload = 700;
    const Totals kernelDelta = recordTransfer(kDatagrams, kPayload, "200", SIGTERM, 600ms);

    const Totals expected{kDatagrams * (kPayload + kUdpOverIpv4FrameOverhead), 0, kDatagrams, 0};
    EXPECT_EQ(kernelDelta, expected);
    for (const char* resolution : {"raw", "minute", "hour", "day"}) {
        EXPECT_EQ(history(resolution), kernelDelta) << resolution;
    }

    const CommandResult usage = runCommand({kNetmon, "usage", "--json", "--db", m_database});
    ASSERT_EQ(usage.status, 0) << usage.err;
    const auto row = findNamed(nlohmann::json::parse(usage.out), m_network->ifA, "interface");
    ASSERT_TRUE(row) << usage.out;
    EXPECT_EQ((*row)["month_rx_bytes"].get<std::uint64_t>(), kernelDelta.rxBytes);
    EXPECT_EQ((*row)["today_rx_bytes"].get<std::uint64_t>(), kernelDelta.rxBytes);
}

TEST_F(CliRecord, InterruptRightAfterTrafficLosesNothing) {
    // With a one-minute interval the only ticks are the first and the one taken on stopping:
    // everything sent in between must still reach the database.
    constexpr int kDatagrams = 120;
    constexpr int kPayload = 1200;
    const Totals kernelDelta = recordTransfer(kDatagrams, kPayload, "60000", SIGINT, 0ms);
    EXPECT_EQ(kernelDelta.rxBytes, kDatagrams * (kPayload + kUdpOverIpv4FrameOverhead));
    EXPECT_EQ(history("raw"), kernelDelta);
}

TEST_F(CliRecord, DurationEndsItAndAppendsToTheSameDatabase) {
    const Totals firstRun = recordTransfer(50, 500, "200", SIGTERM, 300ms);
    const CommandResult timed =
        runCommand(m_network->inA({kNetmon, "--mode", "basic", "record", "--db", m_database,
                                   "--duration", "1", "--interval", "200"}),
                   20s);
    EXPECT_EQ(timed.status, 0) << timed.err;
    // The quiet link added nothing in the second run; the first run's data is still there.
    EXPECT_EQ(history("raw"), firstRun);
}

TEST_F(CliRecord, ASecondRecorderOfTheSameDatabaseExitsAndEveryByteIsStoredOnce) {
    constexpr int kDatagrams = 200;
    constexpr int kPayload = 900;
    const Totals before = kernel();
    const auto recordArgs = m_network->inA(
        {kNetmon, "--mode", "basic", "record", "--db", m_database, "--interval", "200"});
    ChildProcess first(recordArgs);
    std::this_thread::sleep_for(700ms);  // the first holds the database and took its baseline
    ASSERT_TRUE(first.running()) << first.drainStderr();
    ChildProcess second(recordArgs);
    std::this_thread::sleep_for(700ms);  // were it recording too, its baseline would be taken

    const UdpTransfer transfer = sendUdpFromBToA(*m_network, kDatagrams, kPayload, 40'002);
    EXPECT_EQ(transfer.received, kDatagrams);
    std::this_thread::sleep_for(600ms);
    if (second.running()) {
        second.signal(SIGTERM);
    }
    first.signal(SIGTERM);
    EXPECT_EQ(first.wait(10s), 0) << first.drainStderr();
    const Totals after = kernel();

    EXPECT_EQ(second.wait(10s), 1);
    const std::string refusal = second.drainStderr();
    EXPECT_NE(refusal.find("netmon: error: history at " + m_database + " is recorded by " +
                           std::to_string(first.pid()) + " (netmon record)"),
              std::string::npos)
        << refusal;
    EXPECT_NE(refusal.find("hint:"), std::string::npos) << refusal;

    const Totals kernelDelta{after.rxBytes - before.rxBytes, after.txBytes - before.txBytes,
                             after.rxPackets - before.rxPackets,
                             after.txPackets - before.txPackets};
    EXPECT_EQ(kernelDelta.rxBytes, kDatagrams * (kPayload + kUdpOverIpv4FrameOverhead));
    EXPECT_EQ(history("raw"), kernelDelta);  // once, not once per recorder
}

}  // namespace
}  // namespace netmon::test
