// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>
#include <mutex>

#include "core/aggregator.h"
#include "core/config.h"
#include "core/flow_tracker.h"
#include "core/host_name_resolver.h"
#include "core/model/snapshot.h"
#include "core/sources/process_source.h"
#include "core/sources/socket_source.h"

namespace netmon {

// What a tick fills in beyond the interfaces and each host's and process's tick traffic.
enum class SnapshotDetail : std::uint8_t {
    Full,         // flows, hosts and processes listed (and remote hosts named): for views
    TrafficOnly,  // no lists and no reverse DNS: for a recorder, which stores the tick traffic
};

// One tick of connections: read the socket table, find owners, follow flows, apply the privacy
// settings, name remote hosts (from the resolver's cache, never waiting), and sum into hosts and
// processes. Runs on the monitor thread.
class FlowPipeline {
public:
    // `resolver` may be null (no reverse DNS at all). In deep mode `sockets` is a
    // CapturedFlowSource: every packet counted, wire bytes.
    FlowPipeline(std::unique_ptr<SocketSource> sockets, std::unique_ptr<ProcessSource> processes,
                 std::shared_ptr<HostNameResolver> resolver,
                 MonitoringMode mode = MonitoringMode::Basic,
                 SnapshotDetail detail = SnapshotDetail::Full);

    // Safe from any thread; applies from the next tick.
    void setPrivacy(const PrivacySettings& privacy);

    // Fills the snapshot's flows, hosts, processes (SnapshotDetail::Full), their tick traffic and
    // visibility; a failed read adds a warning and keeps the previous flows (without rates).
    void tick(Snapshot& snapshot);

private:
    std::unique_ptr<SocketSource> m_sockets;
    std::unique_ptr<ProcessSource> m_processes;
    std::shared_ptr<HostNameResolver> m_resolver;
    MonitoringMode m_mode;
    SnapshotDetail m_detail;
    FlowTracker m_tracker;
    Aggregator m_aggregator;
    std::optional<std::chrono::steady_clock::time_point> m_lastTick;

    mutable std::mutex m_privacyMutex;
    PrivacySettings m_privacy;
};

// The interfaces deep mode counts on: those `filter` names (all when empty) that are up and
// not loopback. Down links carry nothing and cannot be captured on; they are picked up when
// they come up (the set is compared every tick).
std::vector<std::string> interfacesToCapture(const std::vector<InterfaceStat>& interfaces,
                                             const std::vector<std::string>& filter = {});

}  // namespace netmon
