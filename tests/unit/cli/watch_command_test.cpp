// SPDX-License-Identifier: GPL-3.0-or-later
// `netmon watch` against a fake interface source whose readings are 2.5 s apart on a fake
// clock: the rates it prints are the bytes the fake added over those 2.5 s, the first tick has
// none (null, "…"), and `--count` ends the run after that many ticks.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cli_test_support.h"

namespace netmon::cli::test {
namespace {

using namespace std::chrono_literals;
using netmon::test::makeInterface;

class WatchCommand : public ::testing::Test {
protected:
    WatchCommand() {
        m_machine.setStep(2500ms);
        // +250,000 B received and +12,500 B sent between the two readings.
        m_machine.pushInterfaces({makeInterface("eth0", 2, 1'000'000, 40'000, 1'000, 400)});
        m_machine.pushInterfaces({makeInterface("eth0", 2, 1'250'000, 52'500, 1'200, 450)});
    }

    netmon::test::TempDir m_dir;
    // 2024-06-10 12:00:00 UTC.
    FakeMachine m_machine{FakeClock::WallTime(
        std::chrono::sys_days{std::chrono::year{2024} / std::chrono::June / 10} + 12h)};
};

TEST_F(WatchCommand, JsonRatesAreTheAddedBytesOverTheFakeClocksElapsedTime) {
    const CliRun run = runNetmon(m_machine, m_dir.path(),
                                 {"watch", "--json", "--count", "2", "--interval", "100"});
    ASSERT_EQ(run.status, 0) << run.err;
    const std::vector<std::string> lines = linesOf(run.out);
    ASSERT_EQ(lines.size(), 2U) << run.out;
    const nlohmann::json first = nlohmann::json::parse(lines[0]);
    const nlohmann::json second = nlohmann::json::parse(lines[1]);

    // Each reading moves the fake clock 2.5 s first: the ticks are at 12:00:02.5 and 12:00:05.
    EXPECT_EQ(first["time"], "2024-06-10T12:00:02.500Z");
    EXPECT_EQ(second["time"], "2024-06-10T12:00:05.000Z");
    EXPECT_EQ(first["sequence"], 1);
    EXPECT_EQ(second["sequence"], 2);
    EXPECT_EQ(second["mode"], "basic");

    ASSERT_EQ(first["interfaces"].size(), 1U);
    const nlohmann::json& before = first["interfaces"][0];
    EXPECT_EQ(before["rx_bytes"], 1'000'000);
    EXPECT_TRUE(before["rx_bps"].is_null()) << "no rate before a second reading";
    EXPECT_TRUE(before["tx_bps"].is_null());
    EXPECT_TRUE(before["elapsed_s"].is_null());

    ASSERT_EQ(second["interfaces"].size(), 1U);
    const nlohmann::json& after = second["interfaces"][0];
    EXPECT_EQ(after["name"], "eth0");
    EXPECT_EQ(after["rx_bytes"], 1'250'000);
    EXPECT_EQ(after["tx_bytes"], 52'500);
    EXPECT_EQ(after["rx_packets"], 1'200);
    EXPECT_EQ(after["tx_packets"], 450);
    EXPECT_DOUBLE_EQ(after["elapsed_s"].get<double>(), 2.5);
    EXPECT_DOUBLE_EQ(after["rx_bps"].get<double>(), 800'000.0);  // 250,000 B × 8 / 2.5 s
    EXPECT_DOUBLE_EQ(after["tx_bps"].get<double>(), 40'000.0);   // 12,500 B × 8 / 2.5 s
    EXPECT_EQ(after["counter_reset"], false);
}

TEST_F(WatchCommand, TableShowsNoRateOnTheFirstTickAndTheRatesOnTheSecond) {
    const CliRun run =
        runNetmon(m_machine, m_dir.path(), {"watch", "--count", "2", "--interval", "100"});
    ASSERT_EQ(run.status, 0) << run.err;
    const std::vector<std::string> lines = linesOf(run.out);
    // Per tick (not a terminal: no redraw): the time line, the title row, eth0's row, a blank.
    ASSERT_EQ(lines.size(), 8U) << run.out;
    EXPECT_NE(lines[0].find("(every 100 ms, Ctrl-C to stop)"), std::string::npos) << lines[0];
    EXPECT_EQ(lines[1], "INTERFACE  STATE  DOWNLOAD  UPLOAD  RX TOTAL  TX TOTAL");
    // 1,000,000 B = 977 KiB (976.56), 40,000 B = 39.1 KiB (39.06); no rate yet.
    EXPECT_EQ(lines[2], "eth0       up            …       …   977 KiB  39.1 KiB");
    EXPECT_EQ(lines[3], "");
    EXPECT_EQ(lines[5], "INTERFACE  STATE    DOWNLOAD       UPLOAD  RX TOTAL  TX TOTAL");
    // 800,000 bit/s and 40,000 bit/s (see above); 1,250,000 B = 1.19 MiB, 52,500 B = 51.3 KiB.
    EXPECT_EQ(lines[6], "eth0       up     800 kbit/s  40.0 kbit/s  1.19 MiB  51.3 KiB");
    EXPECT_EQ(lines[7], "");
}

}  // namespace
}  // namespace netmon::cli::test
