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
                           std::shared_ptr<HostNameResolver> resolver, MonitoringMode mode)
    : m_sockets(std::move(sockets)),
      m_processes(std::move(processes)),
      m_resolver(std::move(resolver)),
      m_mode(mode) {}

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

    std::vector<TrackedFlow> tracked = m_tracker.update(*reading, owners, snapshot.steadyTime);
    *reading = SocketReading{};  // every flow is in `tracked` now: free the reading's copy
    if (nameHosts) {
        for (TrackedFlow& flow : tracked) {
            if (!flow.stat.listening && worthNaming(flow.stat.key.remoteAddress)) {
                flow.stat.remoteHostName =
                    m_resolver->nameFor(flow.stat.key.remoteAddress.unmapped());
            }
        }
    }
    const double elapsed =
        m_lastTick ? std::chrono::duration<double>(snapshot.steadyTime - *m_lastTick).count() : 0;
    m_lastTick = snapshot.steadyTime;
    m_aggregator.update(tracked, elapsed);

    snapshot.flows.clear();
    snapshot.flows.reserve(static_cast<std::size_t>(std::count_if(
        tracked.begin(), tracked.end(), [](const TrackedFlow& flow) { return !flow.closed; })));
    bool ownersHidden = false;
    for (TrackedFlow& flow : tracked) {
        if (!flow.closed) {
            ownersHidden = ownersHidden || flow.stat.owner == OwnerVisibility::NeedsAdmin;
            snapshot.flows.push_back(std::move(flow.stat));
        }
    }
    tracked = {};  // before the hosts' and processes' lists are made
    snapshot.hosts = m_aggregator.hosts();
    snapshot.processes = m_aggregator.processes();
    snapshot.hostTraffic = m_aggregator.hostTraffic();
    snapshot.processTraffic = m_aggregator.processTraffic();

    Visibility& visibility = snapshot.visibility;
    visibility.flows = true;
    const bool deep = m_mode == MonitoringMode::Deep;
    visibility.tcpBytes =
        deep || snapshot.flows.empty() ||
        std::any_of(snapshot.flows.begin(), snapshot.flows.end(), [](const FlowStat& flow) {
            return flow.key.protocol == Protocol::Tcp && flow.bytesIn.has_value();
        });
    visibility.udpBytes = deep;
    visibility.allProcesses = !ownersHidden;
    visibility.closedFlows = deep || m_sockets->reportsClosedSockets();
    visibility.note = deep ? kDeepModeNote : kBasicModeNote;
}

}  // namespace netmon
