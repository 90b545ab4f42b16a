// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <array>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>

#include "core/model/snapshot.h"
#include "protocol/messages.h"
#include "service/access_policy.h"

namespace netmon::service {

// The reply line that carries a snapshot to a client. Every full-access subscriber gets the
// same bytes for a tick, so those are encoded once per tick and format and shared; a limited
// client's line depends on its uid and is encoded for it alone.
class SnapshotLines {
public:
    std::string lineFor(const Snapshot& snapshot, protocol::SnapshotFormat format,
                        const Access& access);

private:
    std::mutex m_mutex;
    std::optional<std::uint64_t> m_sequence;  // the tick the cached lines are of
    std::array<std::optional<std::string>, 2> m_fullAccessLines;  // by format
};

// The line itself, as it is encoded for `access` (uncached).
std::string encodeSnapshotLine(const Snapshot& snapshot, protocol::SnapshotFormat format,
                               const Access& access);

}  // namespace netmon::service
