// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>

namespace netmon {

// Whether netmond is installed on this machine, for `netmon doctor`. Linux: its systemd unit
// or its program in the usual places; Windows: the service registered with the service manager.
struct ServiceInstallation {
    bool installed = false;
    std::string detail;     // where it was found, or where it was looked for
    std::string startHint;  // how to start it when it is installed but does not answer
};

ServiceInstallation serviceInstallation();

}  // namespace netmon
