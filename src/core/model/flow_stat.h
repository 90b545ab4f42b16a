// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/model/flow_key.h"

namespace netmon {

// Whether the owning process of a socket could be told.
enum class OwnerVisibility : std::uint8_t {
    Known,       // pid and name below are right
    NeedsAdmin,  // another user's process: without admin rights the OS does not say which
    NoOwner      // no process holds it (TIME_WAIT, a kernel socket, or it closed)
};

// "known", "needs-admin", "none": as the CLI's JSON shows it.
std::string_view toString(OwnerVisibility visibility);
std::optional<OwnerVisibility> parseOwnerVisibility(std::string_view text);

// One connection or flow with what the current mode can tell about it.
struct FlowStat {
    FlowKey key;
    std::uint64_t id = 0;    // stable while the socket lives (e.g. the kernel's socket cookie)
    std::string state;       // "ESTABLISHED", "LISTEN", "TIME_WAIT", "UNCONN"…
    bool listening = false;  // a listening TCP socket or an unconnected UDP socket
    std::optional<std::uint32_t> uid;

    OwnerVisibility owner = OwnerVisibility::NoOwner;
    std::optional<std::uint32_t> pid;
    std::string processName;
    std::string executable;  // full path where the OS tells it

    std::string service;         // well-known name of the remote port (local port for listeners)
    std::string remoteHostName;  // reverse DNS, when resolved and allowed by the privacy setting

    // Payload bytes and segments over the connection's life; empty where the mode cannot count
    // them (UDP in basic mode).
    std::optional<std::uint64_t> bytesIn;
    std::optional<std::uint64_t> bytesOut;
    std::optional<std::uint64_t> packetsIn;
    std::optional<std::uint64_t> packetsOut;
    std::optional<double> inBitsPerSecond;
    std::optional<double> outBitsPerSecond;
};

// A connection that is in use: not a listener, and not a closed socket the kernel only keeps
// for a while (TIME_WAIT, CLOSE). What "active connections" counts, on every platform: socket
// sources list every socket with the state the OS gives it, and leave this to core.
bool isActive(const FlowStat& flow);

}  // namespace netmon
