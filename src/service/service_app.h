// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace netmon::service {

// netmond's main: parses the command line, then runs the service until SIGTERM/SIGINT (or the
// Windows service manager's stop). Exit status 0 after a clean stop, 1 when it cannot start,
// 2 on a usage error.
int runServiceApp(int argc, char** argv);

}  // namespace netmon::service
