// SPDX-License-Identifier: GPL-3.0-or-later
#include "integration/ebpf_engine_support.h"

#include <sstream>

#include "integration/child_process.h"
#include "support/machine_checks.h"
#include "support/network_namespace.h"

namespace netmon::test {

void EbpfEngineTest::SetUp() {
    if (const auto reason = TestNetwork::unavailableReason()) {
        GTEST_SKIP() << *reason;
    }
    // The machine's word (root, BTF), not the engine's own probe: a probe that wrongly said
    // no must fail here, not skip.
    if (const auto reason = ebpfUnavailableReason()) {
        GTEST_SKIP() << *reason;
    }
    network = std::make_unique<TestNetwork>();
    restartEngine({});
}

void EbpfEngineTest::restartEngine(const capture::EbpfOptions& options) {
    engine.reset();
    auto made = capture::makeEbpfCaptureEngine(options);
    ASSERT_TRUE(made) << made.error().describe();
    engine = std::move(*made);
    attach({network->ifA});
    baseline = kernelCounters(*network, network->ifA);
}

void EbpfEngineTest::attach(const std::vector<std::string>& names) {
    const auto attached =
        inNetworkNamespace(network->nsA, [&] { return engine->setInterfaces(names); });
    ASSERT_TRUE(attached) << attached.error().describe();
}

bool programLoaded(std::uint32_t id) {
    return runCommand({"bpftool", "prog", "show", "id", std::to_string(id)}).status == 0;
}

std::vector<std::string> netmonPrograms() {
    std::vector<std::string> programs;
    std::istringstream listing(runCommand({"bpftool", "prog", "show"}).out);
    for (std::string line; std::getline(listing, line);) {
        if (line.find(" name netmon_") != std::string::npos) {
            programs.push_back(line);
        }
    }
    return programs;
}

}  // namespace netmon::test
