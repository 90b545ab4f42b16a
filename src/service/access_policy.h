// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "core/model/snapshot.h"
#include "platform/local_socket.h"

namespace netmon::service {

// What one client may see. Members of the service's group and administrators see everything
// and may change the settings; any other local user who can reach the socket sees the interface
// totals and the flows of their own uid — nobody else's hosts, processes or per-host history.
struct Access {
    bool full = false;
    std::optional<std::uint32_t> uid;  // whose flows a limited client sees
};

// From the identity the kernel gives for the peer (never from what the peer sends).
Access accessFor(const platform::PeerIdentity& peer, std::optional<std::uint32_t> serviceGroup);

// "full" or "own-uid", as `hello` reports it.
std::string_view toString(const Access& access);

// The snapshot as this client may see it. Limited: only flows with its uid (a flow whose owner
// the OS did not tell is nobody's), the processes of those flows, and hosts summed again from
// those flows alone (their open flows' bytes and rates); the per-tick host and process traffic
// that history stores is left out.
Snapshot visibleTo(const Snapshot& snapshot, const Access& access);

}  // namespace netmon::service
