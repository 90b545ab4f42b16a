// SPDX-License-Identifier: GPL-3.0-or-later
// A reader that goes away (`netmon --mode deep watch --json | head -c1`) ends the run normally:
// SIGPIPE is ignored, the failed write stops the run through the Ctrl-C path, the capture
// engine is destroyed (deep mode's tc filters removed from every interface) and the exit
// status is 0. Before, SIGPIPE killed it (status 141) and left its filters behind.
#include <gtest/gtest.h>

#include <ostream>
#include <string>
#include <vector>

#include "integration/child_process.h"
#include "integration/cli_json.h"
#include "integration/deep_mode_ticks.h"
#include "integration/tc_listing.h"
#include "integration/test_network.h"

namespace netmon::test {
namespace {

using namespace std::chrono_literals;

struct OutputCase {
    const char* mode;
    bool json;
    friend void PrintTo(const OutputCase& param, std::ostream* out) {
        *out << param.mode << (param.json ? " --json" : " (text)");
    }
};

class CliClosedOutput : public ::testing::TestWithParam<OutputCase> {};

TEST_P(CliClosedOutput, TheRunEndsWithStatusZeroAndLeavesNoFilter) {
    const OutputCase& param = GetParam();
    const bool deep = std::string(param.mode) == "deep";
    const auto reason = deep ? ebpfMachineUnavailableReason() : TestNetwork::unavailableReason();
    if (reason) {
        GTEST_SKIP() << *reason;
    }
    const TestNetwork network;
    const ClsactFilters clsact;  // filters are what a run that ends badly could leave behind
    std::vector<std::string> argv{kNetmon, "--mode", param.mode, "watch", "--interval", "200"};
    if (param.json) {
        argv.emplace_back("--json");
    }
    ChildProcess watch(network.inA(argv));
    ASSERT_EQ(watch.readBytes(1, 10s).size(), 1u) << watch.drainStderr();
    if (deep) {
        // Capture is attached before the first tick is printed: there is something to leave.
        ASSERT_TRUE(listsAnyFilter(filterListing(network.nsA, network.ifA))) << watch.drainStderr();
    }

    watch.closeStdout();  // as `head -c1` does once it has its byte
    EXPECT_EQ(watch.wait(10s), 0) << "141 = killed by SIGPIPE\n" << watch.drainStderr();
    const std::string listing = namespaceFilterListing(network.nsA);
    EXPECT_FALSE(listsAnyFilter(listing)) << listing;
}

INSTANTIATE_TEST_SUITE_P(ModesAndFormats, CliClosedOutput,
                         ::testing::Values(OutputCase{"deep", true}, OutputCase{"deep", false},
                                           OutputCase{"basic", true}),
                         [](const auto& testInfo) {
                             return std::string(testInfo.param.mode) +
                                    (testInfo.param.json ? "Json" : "Text");
                         });

}  // namespace
}  // namespace netmon::test
