// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>

#include "core/config.h"
#include "core/monitor.h"

namespace netmon {

// A Monitor wired to this OS's sources and set up from the settings: what the CLI and the GUI
// both run.
std::unique_ptr<Monitor> makeMonitor(const Config& config);

}  // namespace netmon
