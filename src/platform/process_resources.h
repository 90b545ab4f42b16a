// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <optional>

namespace netmon {

// What this process costs the machine, as the OS counts it: for the service's health report.
struct ProcessResources {
    std::optional<double> cpuSeconds;  // user + system since the process started
    std::optional<std::uint64_t> residentBytes;
};

ProcessResources ownProcessResources();

}  // namespace netmon
