// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "capture/ebpf/ebpf_capture_engine.h"
#include "integration/pcap_engine_support.h"
#include "integration/tc_listing.h"
#include "integration/test_network.h"

namespace netmon::test {

// A TestNetwork and an eBPF engine counting on its interface in namespace a (ifA). Skips, with
// the reason, where namespaces or eBPF are not available.
class EbpfEngineTest : public ::testing::Test {
protected:
    void SetUp() override;
    // setInterfaces from a thread inside namespace a.
    void attach(const std::vector<std::string>& names);
    void restartEngine(const capture::EbpfOptions& options);

    std::unique_ptr<TestNetwork> network;
    std::unique_ptr<CaptureEngine> engine;
    InterfaceCounters baseline;
};

// Whether a BPF program with this id is still loaded (`bpftool prog show id N`).
bool programLoaded(std::uint32_t id);
// Loaded programs named netmon_* (`bpftool prog show`), one line each.
std::vector<std::string> netmonPrograms();

}  // namespace netmon::test
