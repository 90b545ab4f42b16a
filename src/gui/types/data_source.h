// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMetaType>
#include <QString>
#include <cstdint>
#include <string>

#include "core/model/snapshot.h"

namespace netmon::gui {

// Where the app's live data and history come from: the Network Monitor service (netmond), or a
// monitor in this process with the user's own database. Decided once at start.
struct DataSource {
    enum class Kind : std::uint8_t { Undecided, Service, InProcess, Synthetic };
    Kind kind = Kind::Undecided;
    MonitoringMode mode = MonitoringMode::Basic;
    bool fullAccess = false;        // the service shows every user's flows (not only ours)
    std::string socket;             // where the service was asked
    std::string serviceProblem;     // in process: why no service answered
    bool serviceInstalled = false;  // in process: whether netmond is on this machine
    std::string startHint;          // how to start it ("sudo systemctl enable --now netmond")
};

// The status area's line: "Live data and history from the Network Monitor service (deep mode)"
// or "Monitoring in this app (basic mode); history in your own database".
QString dataSourceLine(const DataSource& source);
// In process: how to get deep mode without running the app as root — install or start the
// service. Empty with the service (the service decides the mode).
QString serviceOffer(const DataSource& source);
// Core's mode message without the fix after each reason ("… is missing (uid 1000) — sudo
// setcap …"): with the app, the fix is the service.
std::string reasonWithoutFixes(const std::string& message);

}  // namespace netmon::gui

Q_DECLARE_METATYPE(netmon::gui::DataSource)
