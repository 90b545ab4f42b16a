// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "capture/ebpf/flow_counter_maps.h"

namespace netmon::capture {

// Telling a live engine's filters from those a killed run left behind (SIGKILL, a crash: no
// destructor ran, and tc filters outlive their loader). Each engine stamps its programs'
// netmon_loader map with (pid, process start time, instance); a filter in our place whose
// program is named netmon_* belongs to a live engine only if that process still runs (same
// start time: not a reused pid) and, for this process, that engine still exists.

// A new stamp for an engine of this process, registered as live until retired.
kernel::netmon_loader makeLoaderStamp();
void retireLoaderStamp(const kernel::netmon_loader& stamp);

enum class FilterOwner {
    Live,     // a running netmon engine
    Dead,     // netmon's, and its loader is gone
    Foreign,  // not a netmon program
};
struct FilterInspection {
    FilterOwner owner = FilterOwner::Foreign;
    std::uint32_t pid = 0;  // the loader's, for Live and Dead
};
FilterInspection inspectFilterProgram(std::uint32_t programId);

// Removes the filters of killed runs from every interface of the calling thread's network
// namespace; one "<interface> <direction> (pid N)" per filter removed.
std::vector<std::string> removeLeftoverFilters();

}  // namespace netmon::capture
