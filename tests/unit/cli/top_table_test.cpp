// SPDX-License-Identifier: GPL-3.0-or-later
// The table `netmon hosts` and `netmon processes` share: the traffic columns between each
// command's own, "n/a" and "≥" for what is not counted, the note under such a table, and the
// line that stands for an empty one. Expected text is laid out by hand.
#include "cli/top_table.h"

#include <gtest/gtest.h>

#include <sstream>

namespace netmon::cli {
namespace {

using Align = TextTable::Align;

TopTableLayout<HostStat> hostLayout() {
    return {.naming = {{"HOST"}},
            .describing = {{"WHO"}},
            .namingCells = [](const HostStat& host) { return std::vector{host.hostName}; },
            .describingCells = [](const HostStat&) { return std::vector<std::string>{"x"}; },
            .none = "Nothing to show."};
}

TopTableLayout<ProcessStat> processLayout() {
    return {.naming = {{"PID", Align::Right}, {"PROCESS"}},
            .describing = {{"LISTEN", Align::Right}},
            .namingCells =
                [](const ProcessStat& process) {
                    return std::vector{std::to_string(process.pid), process.name};
                },
            .describingCells =
                [](const ProcessStat& process) {
                    return std::vector{std::to_string(process.listening)};
                },
            .none = "No process."};
}

TEST(TopTable, CountedRowsGetTheirFiguresAndNoNote) {
    HostStat host;
    host.hostName = "a";
    host.bytesIn = 2048;  // 2.00 KiB
    host.bytesOut = 512;
    host.inBitsPerSecond = 12'300;  // 12.3 kbit/s
    host.outBitsPerSecond = 950;
    host.connections = 3;
    Visibility visibility;
    visibility.note = "never printed: every figure is counted";
    std::ostringstream out;
    printTopTable(out, std::vector{host}, hostLayout(), true, visibility);
    EXPECT_EQ(out.str(),
              "HOST        IN    OUT      IN RATE   OUT RATE  CONNS  WHO\n"
              "a     2.00 KiB  512 B  12.3 kbit/s  950 bit/s      3  x\n");
}

TEST(TopTable, UncountedFiguresAreMarkedAndExplainedAndOneReadingHasNoRates) {
    ProcessStat partly;  // a TCP flow counted, a UDP flow not
    partly.pid = 42;
    partly.name = "curl";
    partly.bytesIn = 4096;
    partly.bytesOut = 100;
    partly.bytesComplete = false;
    partly.inBitsPerSecond = 8'000;  // not shown: `rates` is false
    partly.ratesComplete = false;
    partly.connections = 2;
    ProcessStat none;  // UDP only: nothing counted
    none.pid = 7;
    none.name = "dns";
    none.bytesComplete = false;
    none.connections = 1;
    none.listening = 1;
    Visibility visibility;
    visibility.note = "Basic mode: no UDP bytes.";
    std::ostringstream out;
    printTopTable(out, std::vector{partly, none}, processLayout(), false, visibility);
    // "≥ 4.00 KiB" is 10 characters on screen (12 bytes): the IN column is 10 wide.
    EXPECT_EQ(out.str(),
              "PID  PROCESS          IN      OUT  IN RATE  OUT RATE  CONNS  LISTEN\n"
              " 42  curl     ≥ 4.00 KiB  ≥ 100 B                         2       0\n"
              "  7  dns             n/a      n/a                         1       1\n"
              "\n"
              "n/a: none of its flows has byte counts; ≥: only some have, so the figure is a "
              "lower bound.\n"
              "Basic mode: no UDP bytes.\n");
}

TEST(TopTable, RatesNotAllCountedAloneAlsoGetTheNote) {
    HostStat host;
    host.hostName = "b";
    host.bytesIn = 1;
    host.bytesOut = 2;
    host.ratesComplete = false;
    std::ostringstream out;
    printTopTable(out, std::vector{host}, hostLayout(), true, Visibility{});
    EXPECT_EQ(out.str(),
              "HOST   IN  OUT  IN RATE  OUT RATE  CONNS  WHO\n"
              "b     1 B  2 B      n/a       n/a      0  x\n"
              "\n"
              "n/a: none of its flows has byte counts; ≥: only some have, so the figure is a "
              "lower bound.\n");
}

TEST(TopTable, NoRowsPrintsTheLayoutsLineAlone) {
    Visibility visibility;
    visibility.note = "not printed without a table";
    std::ostringstream out;
    printTopTable(out, std::vector<ProcessStat>{}, processLayout(), true, visibility);
    EXPECT_EQ(out.str(), "No process.\n");
}

}  // namespace
}  // namespace netmon::cli
