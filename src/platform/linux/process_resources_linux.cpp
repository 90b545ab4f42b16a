// SPDX-License-Identifier: GPL-3.0-or-later
#include <sys/resource.h>
#include <unistd.h>

#include <fstream>

#include "platform/process_resources.h"

namespace netmon {

ProcessResources ownProcessResources() {
    ProcessResources resources;
    rusage usage{};
    if (::getrusage(RUSAGE_SELF, &usage) == 0) {
        const auto seconds = [](const timeval& time) {
            return static_cast<double>(time.tv_sec) + static_cast<double>(time.tv_usec) / 1e6;
        };
        resources.cpuSeconds = seconds(usage.ru_utime) + seconds(usage.ru_stime);
    }
    // statm's second field: resident pages.
    std::ifstream statm("/proc/self/statm");
    std::uint64_t sizePages = 0;
    std::uint64_t residentPages = 0;
    if (statm >> sizePages >> residentPages) {
        resources.residentBytes =
            residentPages * static_cast<std::uint64_t>(::sysconf(_SC_PAGESIZE));
    }
    return resources;
}

}  // namespace netmon
