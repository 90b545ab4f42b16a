// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMetaType>
#include <cstdint>
#include <memory>

#include "core/model/snapshot.h"
#include "gui/types/history_health.h"

namespace netmon::gui {

// One tick on its way from the monitor thread to the GUI thread: a value, so nothing is shared
// mutably. The snapshot is immutable behind a shared pointer so the queued copy is cheap.
// `generation` says which run of the source made it; messages of an older run are dropped (a
// source restarted after a settings change must not mix its ticks with the old one's).
struct SnapshotMessage {
    std::uint64_t generation = 0;
    std::shared_ptr<const Snapshot> snapshot;
    HistoryHealth history;
};

}  // namespace netmon::gui

Q_DECLARE_METATYPE(netmon::gui::SnapshotMessage)
