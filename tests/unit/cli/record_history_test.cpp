// SPDX-License-Identifier: GPL-3.0-or-later
// `netmon record` against a fake interface source, then `netmon history` and `usage` on the
// database it wrote: what is stored is exactly the traffic the fake added (however many ticks
// the run took: the readings after the second repeat it), and history reads it back.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cli_test_support.h"

namespace netmon::cli::test {
namespace {

using namespace std::chrono_literals;
using netmon::test::makeInterface;

TEST(RecordCommand, StoresTheBytesTheSourceAddedAndHistoryReadsThemBack) {
    netmon::test::TempDir dir;
    // An hour ago, so every sample is inside history's default range (-24h to now), and
    // 100 ms a reading.
    FakeMachine machine(std::chrono::system_clock::now() - 1h);
    machine.setStep(100ms);
    machine.pushInterfaces({makeInterface("eth0", 2, 10'000, 2'000, 10, 4)});
    machine.pushInterfaces({makeInterface("eth0", 2, 15'000, 2'700, 16, 9)});
    const std::string database = (dir.path() / "history.db").string();

    const CliRun record =
        runNetmon(machine, dir.path(),
                  {"record", "--db", database, "--duration", "0.3", "--interval", "100"});
    ASSERT_EQ(record.status, 0) << record.err;
    EXPECT_NE(record.err.find("samples written to " + database), std::string::npos) << record.err;

    const CliRun history = runNetmon(
        machine, dir.path(), {"history", "--db", database, "--resolution", "raw", "--json"});
    ASSERT_EQ(history.status, 0) << history.err;
    std::uint64_t rx = 0;
    std::uint64_t tx = 0;
    std::uint64_t rxPackets = 0;
    std::uint64_t txPackets = 0;
    for (const nlohmann::json& row : nlohmann::json::parse(history.out)) {
        EXPECT_EQ(row["interface"], "eth0");
        rx += row["rx_bytes"].get<std::uint64_t>();
        tx += row["tx_bytes"].get<std::uint64_t>();
        rxPackets += row["rx_packets"].get<std::uint64_t>();
        txPackets += row["tx_packets"].get<std::uint64_t>();
    }
    EXPECT_EQ(rx, 5'000U) << history.out;  // 15,000 − 10,000
    EXPECT_EQ(tx, 700U);                   // 2,700 − 2,000
    EXPECT_EQ(rxPackets, 6U);
    EXPECT_EQ(txPackets, 5U);
}

TEST(HistoryCommand, AnEmptyRangeSaysSoAndUntilBeforeSinceIsAUsageError) {
    netmon::test::TempDir dir;
    FakeMachine machine;
    const std::string database = (dir.path() / "history.db").string();
    machine.pushInterfaces({makeInterface("eth0", 2, 0, 0)});
    ASSERT_EQ(runNetmon(machine, dir.path(),
                        {"record", "--db", database, "--duration", "0.1", "--interval", "100"})
                  .status,
              0);

    const CliRun empty = runNetmon(
        machine, dir.path(), {"history", "--db", database, "--since", "@0", "--until", "@3600"});
    EXPECT_EQ(empty.status, 0) << empty.err;
    EXPECT_EQ(empty.out, "No traffic recorded in this range.\n");

    const CliRun backwards = runNetmon(
        machine, dir.path(), {"history", "--db", database, "--since", "@3600", "--until", "@0"});
    EXPECT_EQ(backwards.status, kExitUsage);
    EXPECT_EQ(backwards.out, "");
    EXPECT_EQ(backwards.err,
              "netmon: error: --until must be after --since\n  hint: e.g. --since -7d --until "
              "now\n");
}

}  // namespace
}  // namespace netmon::cli::test
