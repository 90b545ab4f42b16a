// SPDX-License-Identifier: GPL-3.0-or-later
// clang-format off
#include <windows.h>
#include <psapi.h>
// clang-format on

#include "platform/process_resources.h"

namespace netmon {

ProcessResources ownProcessResources() {
    ProcessResources resources;
    FILETIME created{};
    FILETIME exited{};
    FILETIME kernel{};
    FILETIME user{};
    if (::GetProcessTimes(::GetCurrentProcess(), &created, &exited, &kernel, &user) != 0) {
        const auto seconds = [](const FILETIME& time) {
            const std::uint64_t ticks =
                (static_cast<std::uint64_t>(time.dwHighDateTime) << 32) | time.dwLowDateTime;
            return static_cast<double>(ticks) / 1e7;  // 100 ns units
        };
        resources.cpuSeconds = seconds(kernel) + seconds(user);
    }
    PROCESS_MEMORY_COUNTERS counters{};
    if (::GetProcessMemoryInfo(::GetCurrentProcess(), &counters, sizeof(counters)) != 0) {
        resources.residentBytes = counters.WorkingSetSize;
    }
    return resources;
}

}  // namespace netmon
