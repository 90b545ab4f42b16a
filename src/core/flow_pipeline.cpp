// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/flow_pipeline.h"

#include <algorithm>

namespace netmon {
namespace {

constexpr const char* kDeepModeNote =
    "Deep mode: every packet of every flow is counted (TCP, UDP, ICMP, other users' traffic "
    "included); bytes are wire bytes, headers included, since capture started.";

constexpr const char* kBasicModeNote =
    "Basic mode: TCP bytes per connection come from the OS's own connection statistics where "
    "it gives them (Linux: always; Windows: to admins only); UDP flows have no byte counts, and "
    "connections that open and close between two samples are missed. Deep mode (admin rights) "
    "counts every packet of every flow.";

void maskRemote(std::vector<SocketRecord>& records) {
    for (SocketRecord& record : records) {
        record.key.remoteAddress = record.key.remoteAddress.masked();
    }
}

bool worthNaming(const IpAddress& address) {
    const IpAddress plain = address.unmapped();
    return !plain.isLoopback() && !plain.isUnspecified();
}

}  // namespace

std::vector<std::string> interfacesToCapture(const std::vector<InterfaceStat>& interfaces,
                                             const std::vector<std::string>& filter) {
    std::vector<std::string> names;
    for (const InterfaceStat& interface : interfaces) {
        const bool down = interface.state == OperState::Down ||
                          interface.state == OperState::LowerLayerDown ||
                          interface.state == OperState::NotPresent;
        const bool wanted = filter.empty() ||
                            std::find(filter.begin(), filter.end(), interface.name) != filter.end();
        if (interface.kind != InterfaceKind::Loopback && !down && wanted) {
            names.push_back(interface.name);
        }
    }
    return names;
}

FlowPipeline::FlowPipeline(std::unique_ptr<SocketSource> sockets,
                           std::unique_ptr<ProcessSource> processes,
                           std::shared_ptr<HostNameResolver> resolver, MonitoringMode mode,
                           SnapshotDetail detail)
    : m_sockets(std::move(sockets)),
      m_processes(std::move(processes)),
      m_resolver(detail == SnapshotDetail::Full ? std::move(resolver) : nullptr),
      m_mode(mode),
      m_detail(detail) {}

void FlowPipeline::setPrivacy(const PrivacySettings& privacy) {
    const std::lock_guard lock(m_privacyMutex);
    m_privacy = privacy;
}

void FlowPipeline::tick(Snapshot& snapshot) {
    PrivacySettings privacy;
    {
        const std::lock_guard lock(m_privacyMutex);
        privacy = m_privacy;
    }
    const bool nameHosts = m_resolver && privacy.resolveHostNames && !privacy.maskAddresses;
    if (m_resolver) {
        m_resolver->setEnabled(nameHosts);
    }

    m_sockets->followInterfaces(interfacesToCapture(snapshot.interfaces));
    snapshot.mode = m_mode;

    auto reading = m_sockets->read();
    if (!reading) {
        snapshot.warnings.push_back("Could not read the socket table (" +
                                    std::string(m_sockets->mechanism()) +
                                    "): " + reading.error().describe());
        if (m_detail == SnapshotDetail::TrafficOnly) {
            return;
        }
        // The tracker still holds them: no copy of every flow is kept for this rare case.
        snapshot.flows = m_tracker.openFlows();
        if (nameHosts) {
            for (FlowStat& flow : snapshot.flows) {
                if (!flow.listening && worthNaming(flow.key.remoteAddress)) {
                    flow.remoteHostName = m_resolver->nameFor(flow.key.remoteAddress.unmapped());
                }
            }
        }
        return;
    }

    std::vector<SocketQuery> queries;
    queries.reserve(reading->open.size());
    for (const SocketRecord& record : reading->open) {
        if (record.inode != 0) {
            queries.push_back({record.inode, record.uid});
        }
    }
    const auto owners = m_processes->owners(queries);
    snapshot.capture = std::move(reading->capture);
    for (std::string& warning : reading->warnings) {
        snapshot.warnings.push_back(std::move(warning));
    }
    if (privacy.maskAddresses) {
        maskRemote(reading->open);
        maskRemote(reading->closed);
    }

    const std::vector<TrackedFlow>& tracked =
        m_tracker.update(*reading, owners, snapshot.steadyTime);
    *reading = SocketReading{};  // every flow is in the tracker now: free the reading's copy
    if (nameHosts) {
        for (const TrackedFlow& flow : tracked) {
            if (!flow.stat->listening && worthNaming(flow.stat->key.remoteAddress)) {
                flow.stat->remoteHostName =
                    m_resolver->nameFor(flow.stat->key.remoteAddress.unmapped());
            }
        }
    }
    const double elapsed =
        m_lastTick ? std::chrono::duration<double>(snapshot.steadyTime - *m_lastTick).count() : 0;
    m_lastTick = snapshot.steadyTime;
    if (m_detail == SnapshotDetail::Full) {
        m_aggregator.update(tracked, elapsed);
    } else {
        m_aggregator.updateTickTraffic(tracked);
    }
    snapshot.hostTraffic = m_aggregator.hostTraffic();
    snapshot.processTraffic = m_aggregator.processTraffic();

    bool ownersHidden = false;
    bool tcpCounted = false;
    std::size_t open = 0;
    for (const TrackedFlow& flow : tracked) {
        if (!flow.closed) {
            ++open;
            ownersHidden = ownersHidden || flow.stat->owner == OwnerVisibility::NeedsAdmin;
            tcpCounted = tcpCounted || (flow.stat->key.protocol == Protocol::Tcp &&
                                        flow.stat->bytesIn.has_value());
        }
    }
    if (m_detail == SnapshotDetail::Full) {
        snapshot.flows.clear();
        snapshot.flows.reserve(open);
        for (const TrackedFlow& flow : tracked) {
            if (!flow.closed) {
                snapshot.flows.push_back(*flow.stat);
            }
        }
        snapshot.hosts = m_aggregator.hosts();
        snapshot.processes = m_aggregator.processes();
    }

    Visibility& visibility = snapshot.visibility;
    visibility.flows = true;
    const bool deep = m_mode == MonitoringMode::Deep;
    visibility.tcpBytes = deep || open == 0 || tcpCounted;
    visibility.udpBytes = deep;
    visibility.allProcesses = !ownersHidden;
    visibility.closedFlows = deep || m_sockets->reportsClosedSockets();
    visibility.note = deep ? kDeepModeNote : kBasicModeNote;
}

}  // namespace netmon
