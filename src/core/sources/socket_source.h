// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model/capture_interface_stats.h"
#include "core/model/flow_key.h"
#include "core/result.h"

namespace netmon {

// One socket as the OS's socket table shows it.
struct SocketRecord {
    FlowKey key;
    std::string state;       // "ESTABLISHED", "LISTEN", "TIME_WAIT", "UNCONN", …
    bool listening = false;  // TCP LISTEN, or UDP not connected to a peer
    std::uint32_t uid = 0;
    std::uint64_t inode = 0;   // 0 where no process can hold it (TIME_WAIT)
    std::uint64_t cookie = 0;  // the kernel's identity of the socket; 0 where the OS has none
    // TCP payload bytes (sequence-space counters less SYN and FIN) and segments, where the OS
    // tells them without admin rights (Linux tcp_info); empty otherwise.
    std::optional<std::uint64_t> bytesSent;  // sent and acknowledged by the peer
    std::optional<std::uint64_t> bytesReceived;
    std::optional<std::uint64_t> segmentsOut;
    std::optional<std::uint64_t> segmentsIn;
    // The owner where the source itself knows it (deep capture's socket hooks); used when the
    // inode gives none.
    std::optional<std::uint32_t> pid;
    std::string command;
};

struct SocketReading {
    std::vector<SocketRecord> open;
    // Sockets destroyed since the previous read, with their final counters — where the OS
    // announces them (Linux: sock_diag destroy notifications; some kernels refuse them to
    // unprivileged processes, then reportsClosedSockets() is false).
    std::vector<SocketRecord> closed;
    // Deep mode only: per-interface traffic without a flow, kernel drops, and what the engine
    // had to say (evictions, an interface that vanished).
    std::vector<CaptureInterfaceStats> capture;
    std::vector<std::string> warnings;
};

// Reads the TCP and UDP socket tables (IPv4 and IPv6). A failed read is an error, never an
// empty table.
class SocketSource {
public:
    virtual ~SocketSource() = default;
    virtual Result<SocketReading> read() = 0;
    [[nodiscard]] virtual std::string_view mechanism() const = 0;
    // Whether read() fills SocketReading::closed here.
    [[nodiscard]] virtual bool reportsClosedSockets() const = 0;
    // The interfaces being monitored now (deep capture attaches to them; the socket table
    // needs nothing). Called every tick; cheap when nothing changed.
    virtual void followInterfaces(const std::vector<std::string>& /*names*/) {}
};

}  // namespace netmon
