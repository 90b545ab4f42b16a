// SPDX-License-Identifier: GPL-3.0-or-later
// The eBPF engine with clsact filters leaves nothing behind: after it is destroyed, and after a
// process running it gets SIGTERM, `tc filter show` lists no filter and its programs are unloaded.
// A SIGKILLed run's filters (no destructor ran) are found and removed by the next engine; a live
// engine's are not touched, and two engines count side by side. Without the permissions, loading
// fails with a message that says what to do.
#include <gtest/gtest.h>
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <regex>
#include <thread>

#include "integration/child_process.h"
#include "integration/ebpf_engine_support.h"
#include "integration/udp_traffic.h"
#include "support/network_namespace.h"

namespace netmon::test {
namespace {

using namespace std::chrono_literals;

const std::string kChild = NETMON_EBPF_CHILD_PATH;

std::vector<std::uint32_t> netmonProgramIds() {
    std::vector<std::uint32_t> ids;
    for (const std::string& line : netmonPrograms()) {
        ids.push_back(static_cast<std::uint32_t>(std::stoul(line)));  // "901: sched_cls  name …"
    }
    return ids;
}

// Programs named netmon_* loaded since `before` was taken.
std::vector<std::uint32_t> loadedSince(const std::vector<std::uint32_t>& before) {
    std::vector<std::uint32_t> added;
    for (const std::uint32_t id : netmonProgramIds()) {
        if (std::find(before.begin(), before.end(), id) == before.end()) {
            added.push_back(id);
        }
    }
    return added;
}

// A removed filter drops its program after an RCU grace period: allow a moment.
bool unloadedSoon(std::uint32_t id) {
    for (int i = 0; i < 40 && programLoaded(id); ++i) {
        std::this_thread::sleep_for(50ms);
    }
    return !programLoaded(id);
}

void expectNoFilterAndUnloaded(const TestNetwork& network, const std::string& interface,
                               const std::vector<std::uint32_t>& programs) {
    EXPECT_EQ(filterListing(network.nsA, interface), "") << interface;
    for (const std::uint32_t id : programs) {
        EXPECT_TRUE(unloadedSoon(id)) << "program " << id << " is still loaded";
    }
}

// What our tc filters do (TCX links: ebpf_tcx_test.cpp).
class EbpfLifecycle : public EbpfEngineTest {
protected:
    ClsactFilters clsact;  // set before the fixture's engine is made

    // The engine of the fixture goes; returns the netmon programs loaded before this point.
    std::vector<std::uint32_t> withoutFixtureEngine() {
        engine.reset();
        return netmonProgramIds();
    }

    std::unique_ptr<ChildProcess> startChild(const std::vector<std::string>& interfaces) {
        std::vector<std::string> argv{kChild};
        argv.insert(argv.end(), interfaces.begin(), interfaces.end());
        auto child = std::make_unique<ChildProcess>(network->inA(argv));
        const auto line = child->readLine(20s);
        EXPECT_EQ(line.value_or("(nothing)"), "ready") << child->drainStderr();
        return child;
    }
};

TEST_F(EbpfLifecycle, DestroyingTheEngineRemovesItsFiltersAndUnloadsItsPrograms) {
    const std::vector<std::uint32_t> before = withoutFixtureEngine();
    restartEngine({});
    const std::vector<std::uint32_t> ours = loadedSince(before);
    EXPECT_GE(ours.size(), 4u);  // four tc programs (and the socket owner hooks)
    const std::string listing = filterListing(network->nsA, network->ifA);
    EXPECT_NE(listing.find("netmon_in_eth"), std::string::npos) << listing;
    EXPECT_NE(listing.find("netmon_out_eth"), std::string::npos) << listing;
    EXPECT_EQ(filterProgramIds(network->nsA, network->ifA).size(), 2u);
    engine.reset();
    expectNoFilterAndUnloaded(*network, network->ifA, ours);
}

TEST_F(EbpfLifecycle, AProcessStoppedWithSigtermRemovesEverything) {
    const std::vector<std::uint32_t> before = withoutFixtureEngine();
    auto child = startChild({network->ifA});
    ASSERT_EQ(filterProgramIds(network->nsA, network->ifA).size(), 2u);
    const std::vector<std::uint32_t> ours = loadedSince(before);
    child->signal(SIGTERM);
    EXPECT_EQ(child->wait(10s), 0) << child->drainStderr();
    EXPECT_EQ(child->readLine(1s).value_or(""), "stopped");
    expectNoFilterAndUnloaded(*network, network->ifA, ours);
}

TEST_F(EbpfLifecycle, AKilledRunsFiltersAreRemovedByTheNextEngine) {
    withoutFixtureEngine();
    const ExtraLink extra(*network, "k");
    auto child = startChild({network->ifA, extra.ifA});
    const pid_t killed = child->pid();
    child->signal(SIGKILL);
    ASSERT_EQ(child->wait(10s), 128 + SIGKILL);
    // No destructor ran: the filters (and their programs) outlive the process.
    std::vector<std::uint32_t> leftovers = filterProgramIds(network->nsA, network->ifA);
    const std::vector<std::uint32_t> extraLeftovers = filterProgramIds(network->nsA, extra.ifA);
    ASSERT_EQ(leftovers.size(), 2u) << "SIGKILL should leave the filters behind";
    ASSERT_EQ(extraLeftovers.size(), 2u);
    leftovers.insert(leftovers.end(), extraLeftovers.begin(), extraLeftovers.end());

    restartEngine({});  // attaches to ifA only; cleans the whole namespace
    const auto reading = engine->read();
    ASSERT_TRUE(reading);
    std::string warnings;
    for (const std::string& warning : reading->warnings) {
        warnings += warning + "\n";
    }
    for (const std::string& interface : {network->ifA, extra.ifA}) {
        EXPECT_NE(warnings.find("killed netmon run left on " + interface + " ingress (pid " +
                                std::to_string(killed) + ")"),
                  std::string::npos)
            << warnings;
    }
    EXPECT_EQ(filterListing(network->nsA, extra.ifA), "");
    for (const std::uint32_t id : leftovers) {
        EXPECT_TRUE(unloadedSoon(id)) << "leftover program " << id;
    }
    const std::vector<std::uint32_t> current = filterProgramIds(network->nsA, network->ifA);
    EXPECT_EQ(current.size(), 2u);  // this engine's own
    engine.reset();
    expectNoFilterAndUnloaded(*network, network->ifA, current);
}

TEST_F(EbpfLifecycle, TwoEnginesCountSideBySideAndALiveOnesFiltersAreNeverTaken) {
    const std::vector<std::uint32_t> first = filterProgramIds(network->nsA, network->ifA);
    ASSERT_EQ(first.size(), 2u);
    auto made = capture::makeEbpfCaptureEngine();
    ASSERT_TRUE(made) << made.error().describe();
    std::unique_ptr<CaptureEngine> second = std::move(*made);
    const auto attached =
        inNetworkNamespace(network->nsA, [&] { return second->setInterfaces({network->ifA}); });
    ASSERT_TRUE(attached) << attached.error().describe();
    const std::vector<std::uint32_t> both = filterProgramIds(network->nsA, network->ifA);
    ASSERT_EQ(both.size(), 4u) << filterListing(network->nsA, network->ifA);
    for (const std::uint32_t id : first) {
        EXPECT_NE(std::find(both.begin(), both.end(), id), both.end()) << "first engine's " << id;
    }
    ASSERT_EQ(sendUdpFromBToA(*network, 2, 64, 47900).received, 2);
    for (CaptureEngine* counting : {engine.get(), second.get()}) {
        const CaptureReading reading =
            readUntilMatching(*counting, *network, network->ifA, network->addressA, baseline);
        expectSumsEqualCounters(reading, *network, network->ifA, network->addressA, baseline);
    }
    // The second engine goes with its own filters only; the first still counts.
    second.reset();
    EXPECT_EQ(filterProgramIds(network->nsA, network->ifA), first);
    ASSERT_EQ(sendUdpFromBToA(*network, 3, 64, 47900).received, 3);
    const CaptureReading reading =
        readUntilMatching(*engine, *network, network->ifA, network->addressA, baseline);
    expectSumsEqualCounters(reading, *network, network->ifA, network->addressA, baseline);
}

TEST_F(EbpfLifecycle, WithoutPermissionsLoadingFailsWithAHint) {
    if (runCommand({"setpriv", "--version"}).status != 0) {
        GTEST_SKIP() << "setpriv (util-linux) is missing";
    }
    ChildProcess child({"setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                        "--inh-caps=-all", "--bounding-set=-all", kChild, "lo"});
    EXPECT_EQ(child.wait(20s), 1);
    const std::string error = child.drainStderr();
    EXPECT_NE(error.find("not permitted"), std::string::npos) << error;
    EXPECT_NE(error.find("CAP_BPF"), std::string::npos) << error;
}

}  // namespace
}  // namespace netmon::test
