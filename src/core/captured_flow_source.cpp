// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/captured_flow_source.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

namespace netmon {
namespace {

FlowKey plain(FlowKey key) {
    key.localAddress = key.localAddress.unmapped();
    key.remoteAddress = key.remoteAddress.unmapped();
    return key;
}

// UDP sockets without a peer, by local port: they own every datagram to that port.
std::uint32_t udpPortKey(std::uint16_t port) {
    return port;
}

}  // namespace

CapturedFlowSource::FlowActivity CapturedFlowSource::activityOf(
    const std::vector<CapturedFlow>& flows) {
    FlowActivity activity;
    activity.flows = flows.size();
    for (const CapturedFlow& flow : flows) {
        if (flow.key.protocol == Protocol::Tcp || flow.key.protocol == Protocol::Udp) {
            activity.socketPackets += flow.packetsIn + flow.packetsOut;
        }
    }
    return activity;
}

std::uint64_t capturedFlowCookie(const FlowKey& key) {
    // Top bit set: kernel cookies count up from 1 and never get there.
    return FlowKeyHash{}(plain(key)) | (std::uint64_t{1} << 63);
}

CapturedFlowSource::CapturedFlowSource(std::unique_ptr<CaptureEngine> engine,
                                       std::unique_ptr<SocketSource> table,
                                       std::vector<std::string> following)
    : m_engine(std::move(engine)), m_table(std::move(table)), m_interfaces(std::move(following)) {
    std::sort(m_interfaces.begin(), m_interfaces.end());
}

void CapturedFlowSource::followInterfaces(const std::vector<std::string>& names) {
    std::vector<std::string> sorted = names;
    std::sort(sorted.begin(), sorted.end());
    if (sorted == m_interfaces) {
        return;
    }
    m_interfaces = std::move(sorted);
    if (auto attached = m_engine->setInterfaces(m_interfaces); !attached) {
        m_pendingWarnings.push_back("Capture could not follow the interfaces: " +
                                    attached.error().describe());
    }
}

Result<SocketReading> CapturedFlowSource::read() {
    auto captured = m_engine->read();
    if (!captured) {
        return tl::unexpected(captured.error());
    }
    SocketReading reading;
    reading.capture = std::move(captured->interfaces);
    reading.warnings = std::move(m_pendingWarnings);
    m_pendingWarnings.clear();
    for (std::string& warning : captured->warnings) {
        reading.warnings.push_back(std::move(warning));
    }

    const FlowActivity activity = activityOf(captured->flows);
    if (!m_activityAtTableRead || *m_activityAtTableRead != activity ||
        ++m_readsSinceTable >= kTableRefreshReads) {
        m_readsSinceTable = 0;
        m_activityAtTableRead.reset();
        if (auto table = m_table->read()) {
            m_sockets = std::move(table->open);
            m_activityAtTableRead = activity;
        } else {
            m_sockets.clear();
            reading.warnings.push_back(
                "Socket table not read (states and owners missing this tick): " +
                table.error().describe());
        }
    }
    const std::vector<SocketRecord>& sockets = m_sockets;
    // Every captured flow, every listener, and the connections that moved nothing: at most all
    // of both, and growing this list mid-way under a full flow table was its largest copy.
    reading.open.reserve(captured->flows.size() + sockets.size());
    std::unordered_map<FlowKey, const SocketRecord*, FlowKeyHash> byKey;
    std::unordered_map<std::uint32_t, const SocketRecord*> unconnectedUdp;
    for (const SocketRecord& socket : sockets) {
        if (socket.listening) {
            if (socket.key.protocol == Protocol::Udp) {
                unconnectedUdp.emplace(udpPortKey(socket.key.localPort), &socket);
            }
            reading.open.push_back(socket);  // listeners are shown in every mode
            continue;
        }
        byKey.emplace(plain(socket.key), &socket);
    }

    std::unordered_set<const SocketRecord*> matched;
    for (const CapturedFlow& flow : captured->flows) {
        SocketRecord record;
        record.key = flow.key;
        record.cookie = capturedFlowCookie(flow.key);
        record.bytesReceived = flow.bytesIn;
        record.bytesSent = flow.bytesOut;
        record.segmentsIn = flow.packetsIn;
        record.segmentsOut = flow.packetsOut;
        record.pid = flow.pid;
        record.command = flow.command;
        const SocketRecord* socket = nullptr;
        if (const auto found = byKey.find(plain(flow.key)); found != byKey.end()) {
            socket = found->second;
        } else if (flow.key.protocol == Protocol::Udp) {
            const auto bound = unconnectedUdp.find(udpPortKey(flow.key.localPort));
            socket = bound != unconnectedUdp.end() ? bound->second : nullptr;
        }
        if (socket != nullptr) {
            matched.insert(socket);
            record.state = socket->listening ? "UNCONN" : socket->state;
            record.uid = socket->uid;
            record.inode = socket->inode;
        }
        reading.open.push_back(std::move(record));
    }
    // Connections that have moved nothing since capture started still exist.
    for (const auto& [key, socket] : byKey) {
        if (!matched.contains(socket)) {
            SocketRecord record = *socket;
            record.cookie = capturedFlowCookie(socket->key);
            record.bytesReceived = 0;
            record.bytesSent = 0;
            record.segmentsIn = 0;
            record.segmentsOut = 0;
            reading.open.push_back(std::move(record));
        }
    }
    return reading;
}

}  // namespace netmon
