// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>

#include "core/sources/interface_source.h"
#include "core/sources/process_source.h"
#include "core/sources/socket_source.h"

namespace netmon {

// This OS's implementations of the sources core declares. Each platform library (the one CMake
// picked) defines them; composition roots (runtime, the CLI, the app) call them and hand the
// sources to core.
std::unique_ptr<InterfaceSource> makeInterfaceSource();
std::unique_ptr<ProcessSource> makeProcessSource();
std::unique_ptr<SocketSource> makeSocketSource();

}  // namespace netmon
