// SPDX-License-Identifier: GPL-3.0-or-later
#include "service/access_policy.h"

#include <algorithm>
#include <map>
#include <set>

namespace netmon::service {
namespace {

// Adds `value` to `sum`; an unknown value leaves the sum a lower bound (`complete` false).
template <typename T>
void addKnown(std::optional<T>& sum, const std::optional<T>& value, bool& complete) {
    if (!value) {
        complete = false;
        return;
    }
    sum = sum.value_or(T{}) + *value;
}

std::vector<HostStat> hostsOf(const std::vector<FlowStat>& flows,
                              const std::vector<HostStat>& allHosts) {
    std::map<IpAddress, HostStat> hosts;
    std::map<IpAddress, std::set<std::string>> processes;
    for (const FlowStat& flow : flows) {
        if (flow.listening || flow.key.remoteAddress.isLoopback()) {
            continue;
        }
        HostStat& host = hosts[flow.key.remoteAddress];
        host.address = flow.key.remoteAddress;
        if (host.hostName.empty()) {
            host.hostName = flow.remoteHostName;
        }
        addKnown(host.bytesIn, flow.bytesIn, host.bytesComplete);
        addKnown(host.bytesOut, flow.bytesOut, host.bytesComplete);
        addKnown(host.inBitsPerSecond, flow.inBitsPerSecond, host.ratesComplete);
        addKnown(host.outBitsPerSecond, flow.outBitsPerSecond, host.ratesComplete);
        if (isActive(flow)) {
            ++host.connections;
        }
        if (!flow.processName.empty()) {
            processes[flow.key.remoteAddress].insert(flow.processName);
        }
    }
    // The names reverse DNS gave the service, for hosts whose flows did not carry one; by
    // address, so a tick costs O(hosts log hosts) and not a search of every host per host.
    std::map<IpAddress, const std::string*> namesByAddress;
    for (const HostStat& named : allHosts) {
        if (!named.hostName.empty() && hosts.contains(named.address)) {
            namesByAddress.emplace(named.address, &named.hostName);
        }
    }
    std::vector<HostStat> result;
    for (auto& [address, host] : hosts) {
        host.processes.assign(processes[address].begin(), processes[address].end());
        const auto named = namesByAddress.find(address);
        if (host.hostName.empty() && named != namesByAddress.end()) {
            host.hostName = *named->second;
        }
        result.push_back(std::move(host));
    }
    const auto total = [](const HostStat& host) {
        return host.bytesIn.value_or(0) + host.bytesOut.value_or(0);
    };
    std::stable_sort(result.begin(), result.end(),
                     [&](const HostStat& a, const HostStat& b) { return total(a) > total(b); });
    return result;
}

}  // namespace

Access accessFor(const platform::PeerIdentity& peer, std::optional<std::uint32_t> serviceGroup) {
    Access access;
    access.uid = peer.uid;
    access.full =
        peer.administrator || (serviceGroup && std::find(peer.groups.begin(), peer.groups.end(),
                                                         *serviceGroup) != peer.groups.end());
    return access;
}

std::string_view toString(const Access& access) {
    return access.full ? "full" : "own-uid";
}

Snapshot visibleTo(const Snapshot& snapshot, const Access& access) {
    if (access.full) {
        return snapshot;
    }
    Snapshot limited;
    limited.sequence = snapshot.sequence;
    limited.wallTime = snapshot.wallTime;
    limited.steadyTime = snapshot.steadyTime;
    limited.mode = snapshot.mode;
    limited.visibility = snapshot.visibility;
    limited.interfaces = snapshot.interfaces;
    limited.capture = snapshot.capture;
    limited.warnings = snapshot.warnings;
    if (!access.uid) {
        return limited;  // a peer without a known uid owns nothing
    }
    std::set<std::uint32_t> pids;
    for (const FlowStat& flow : snapshot.flows) {
        if (flow.uid && *flow.uid == *access.uid) {
            limited.flows.push_back(flow);
            if (flow.pid) {
                pids.insert(*flow.pid);
            }
        }
    }
    for (const ProcessStat& process : snapshot.processes) {
        if (pids.contains(process.pid)) {
            limited.processes.push_back(process);
        }
    }
    limited.hosts = hostsOf(limited.flows, snapshot.hosts);
    return limited;
}

}  // namespace netmon::service
