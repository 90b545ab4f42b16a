// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/model/flow_stat.h"

namespace netmon {

struct ProcessInfo {
    std::uint32_t pid = 0;
    std::string name;        // short name ("firefox")
    std::string executable;  // full path where it may be read; empty otherwise
    std::uint32_t uid = 0;
};

struct SocketOwner {
    OwnerVisibility visibility = OwnerVisibility::NoOwner;
    ProcessInfo process;  // set when visibility is Known
};

// What a caller asks about one socket: its inode, and the uid the socket table gave (so only
// that user's processes need looking at).
struct SocketQuery {
    std::uint64_t inode = 0;
    std::uint32_t uid = 0;
};

// Finds the process holding each socket. Implementations cache between calls and rescan only
// what may have changed (new processes; processes of a user with a socket not seen before), not
// every process every tick.
class ProcessSource {
public:
    virtual ~ProcessSource() = default;
    // One entry per queried inode. A socket whose owner cannot be seen without admin rights is
    // NeedsAdmin, never attributed to a wrong process.
    virtual std::unordered_map<std::uint64_t, SocketOwner> owners(
        const std::vector<SocketQuery>& sockets) = 0;
};

}  // namespace netmon
