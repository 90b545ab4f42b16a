// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/sources/capture_source.h"
#include "core/sources/socket_source.h"

namespace netmon {

// Deep mode's flows, read like a socket table: every flow the capture engine counted (bytes
// and packets are wire figures since capture started), with the state, uid and inode (for the
// owner) of the matching socket from the OS table where there is one; plus the table's
// listeners and its connections that have moved no packet yet.
// - Matching ignores v4-mapped spelling (dual-stack sockets) and, for UDP, falls back to a
//   socket bound to the local port with no peer.
// - A flow's identity is its 5-tuple, so it stays the same whether or not a socket matches.
// - A failed socket-table read only loses states and owners; a failed capture read is an error.
// - The socket table is read again only when the flows say something may have changed there
//   (a flow came or went, TCP or UDP packets moved) or every `kTableRefreshReads` reads (for
//   listeners and connections that move nothing); in between the last table serves. A dump is
//   most of an idle tick's cost: the kernel walks its whole connection table for each.
class CapturedFlowSource final : public SocketSource {
public:
    // `following`: the interfaces the engine was already set to (not set again until they
    // change).
    CapturedFlowSource(std::unique_ptr<CaptureEngine> engine, std::unique_ptr<SocketSource> table,
                       std::vector<std::string> following = {});

    static constexpr unsigned kTableRefreshReads = 10;

    Result<SocketReading> read() override;
    [[nodiscard]] std::string_view mechanism() const override { return m_engine->name(); }
    [[nodiscard]] bool reportsClosedSockets() const override { return false; }
    void followInterfaces(const std::vector<std::string>& names) override;

private:
    // What the flows tell of the socket table's chance to have changed since it was read.
    struct FlowActivity {
        std::size_t flows = 0;
        std::uint64_t socketPackets = 0;  // TCP and UDP, both directions
        friend bool operator==(const FlowActivity&, const FlowActivity&) = default;
    };
    static FlowActivity activityOf(const std::vector<CapturedFlow>& flows);

    std::unique_ptr<CaptureEngine> m_engine;
    std::unique_ptr<SocketSource> m_table;
    std::vector<std::string> m_interfaces;
    std::vector<std::string> m_pendingWarnings;
    std::vector<SocketRecord> m_sockets;                // the table as last read
    std::optional<FlowActivity> m_activityAtTableRead;  // empty: read it at the next tick
    unsigned m_readsSinceTable = 0;
};

// The identity CapturedFlowSource gives a captured 5-tuple (never a kernel cookie value).
std::uint64_t capturedFlowCookie(const FlowKey& key);

}  // namespace netmon
