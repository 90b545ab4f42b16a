// SPDX-License-Identifier: GPL-3.0-or-later
#include "service/snapshot_lines.h"

#include "protocol/json_views.h"
#include "protocol/snapshot_codec.h"

namespace netmon::service {

std::string encodeSnapshotLine(const Snapshot& snapshot, protocol::SnapshotFormat format,
                               const Access& access) {
    const Snapshot visible = visibleTo(snapshot, access);
    nlohmann::json encoded = format == protocol::SnapshotFormat::Full
                                 ? protocol::encodeSnapshot(visible)
                                 : protocol::watchTickJson(visible);
    if (format == protocol::SnapshotFormat::Watch) {
        encoded["source"] = "service";
    }
    return protocol::replyLine({{"snapshot", std::move(encoded)}});
}

std::string SnapshotLines::lineFor(const Snapshot& snapshot, protocol::SnapshotFormat format,
                                   const Access& access) {
    if (!access.full) {
        return encodeSnapshotLine(snapshot, format, access);
    }
    // Held while encoding: the other subscribers of this tick would otherwise encode it too.
    const std::scoped_lock lock(m_mutex);
    if (m_sequence != snapshot.sequence) {
        m_sequence = snapshot.sequence;
        m_fullAccessLines = {};
    }
    auto& line = m_fullAccessLines.at(format == protocol::SnapshotFormat::Full ? 1 : 0);
    if (!line) {
        line = encodeSnapshotLine(snapshot, format, access);
    }
    return *line;
}

}  // namespace netmon::service
