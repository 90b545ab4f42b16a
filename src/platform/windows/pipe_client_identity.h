// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <optional>

#include "platform/local_socket.h"
#include "platform/windows/windows_api.h"

namespace netmon::windows_platform {

// What the pipe's client token says, as read by pipeClientFacts(); unknown where a call failed.
struct PipeClientFacts {
    std::optional<std::uint32_t> pid;
    // Administrators is an enabled group of the token: an elevated administrator (a UAC-filtered
    // token has it deny-only, so it is false there).
    std::optional<bool> administratorsEnabled;
    bool localSystem = false;  // the token's user is SYSTEM (another service)
};

// The identity the service grants, from those facts alone (unit-tested: Wine shows neither UAC
// nor other users' tokens). Windows has no uid or group ids: they stay empty, so a client that
// is not an administrator sees the interface totals and no flows (flows carry no Windows owner
// identity yet).
platform::PeerIdentity peerIdentityFrom(const PipeClientFacts& facts);

// Reads the connected client's token by impersonating it (identification level is enough)
// and reverting at once.
PipeClientFacts pipeClientFacts(HANDLE pipe);

}  // namespace netmon::windows_platform
