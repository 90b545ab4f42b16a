// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>
#include <ostream>

namespace netmon {

// What the service body gets from the process that hosts it.
struct ServiceHost {
    // Where the service writes its log lines: standard error, or (under Windows' service
    // manager, which gives a service none) %ProgramData%\NetworkMonitor\netmond.log.
    std::ostream& log;
    // Called once the service serves clients: the service manager then reports it running.
    std::function<void()> running;
};

// Runs netmond's body the way this OS hosts a service, and returns the process's exit status.
// The body waits on StopSignal; a stop from the host (SIGTERM, Ctrl-C, the service manager's
// stop or shutdown) arrives there. Linux: systemd runs the program as it is, so the body just
// runs. Windows: with `foreground` the same; without it the process registers with the
// service manager as the service netmond and the body runs as its ServiceMain.
int runServiceProcess(bool foreground, const std::function<int(ServiceHost&)>& body);

}  // namespace netmon
