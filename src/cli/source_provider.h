// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>
#include <functional>
#include <memory>

#include "core/config.h"
#include "core/flow_pipeline.h"
#include "core/sources/interface_source.h"
#include "protocol/service_client.h"
#include "runtime/monitor_factory.h"

namespace netmon::cli {

// How a long run (`watch`, `record`) learns that it should end. In the program: Ctrl-C, SIGTERM
// or the command itself (`watch --count`) through StopSignal, which is one per process and
// cannot be re-armed; so tests give each run a fresh one.
class StopRequests {
public:
    virtual ~StopRequests() = default;
    // True once a stop was asked for; returns early when it is.
    virtual bool waitFor(std::chrono::milliseconds timeout) = 0;
    virtual void request() = 0;
};

// What the commands read this machine through: the one seam between the CLI and the system.
// realSources() wires this OS's sources (runtime::makeMonitor, the platform's interface
// source); the CLI's unit tests hand in fakes and a clock of their own.
struct SourceProvider {
    // The monitor `watch`, `record` and the one-shot listings run.
    std::function<runtime::MonitorSetup(const Config&, SnapshotDetail)> makeMonitor;
    // The interface counters `interfaces` and `doctor` read once.
    std::function<std::unique_ptr<InterfaceSource>()> makeInterfaceSource;
    // Where `watch` and `record` wait to be stopped; called when such a run starts (the real
    // one installs the signal handlers then).
    std::function<StopRequests&()> stopRequests;
    // The service at a socket, when one answers there (empty: the runs never ask one).
    std::function<Result<protocol::ServiceClient>(const std::filesystem::path&)> connectService;
};

SourceProvider realSources();

}  // namespace netmon::cli
