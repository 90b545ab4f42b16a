// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <vector>

#include "capture/ebpf/flow_counter_maps.h"
#include "capture/ebpf/loader_identity.h"

namespace netmon::capture {

// Telling a live engine's filters from those a killed run left behind (SIGKILL, a crash: no
// destructor ran, and tc filters outlive their loader). Each filter's name records its loader
// (loader_identity.h); it is a leftover only when that process is provably gone
// (loader_liveness.h) or, for this process, that engine no longer exists. Older versions'
// filters ("netmon_*:[id]" at handle 0x4e4d) are told by the netmon_loader map of their
// program, which only a process with CAP_SYS_ADMIN may open.

// A new stamp for an engine of this process (its netmon_loader map's value), registered as
// live until retired; and the identity its filters are named with.
kernel::netmon_loader makeLoaderStamp();
void retireLoaderStamp(const kernel::netmon_loader& stamp);
LoaderIdentity identityOf(const kernel::netmon_loader& stamp);

// Removes the filters of killed runs from every interface of the calling thread's network
// namespace. One warning per filter removed ("removed an eBPF filter a killed netmon run left
// on <interface> <direction> (pid N)") and per netmon filter left in place because whether
// its loader runs cannot be told.
std::vector<std::string> removeLeftoverFilters();

}  // namespace netmon::capture
