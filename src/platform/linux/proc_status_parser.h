// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <string_view>

#include "core/result.h"

namespace netmon::linux_platform {

// The effective capability set from the text of /proc/<pid>/status ("CapEff:\t000001ffffffffff"),
// bit N set when capability N (CAP_NET_ADMIN = 12, CAP_BPF = 39, …) is effective. A missing
// line, a non-hex value or more than 16 hex digits is an Error.
Result<std::uint64_t> parseEffectiveCapabilities(std::string_view statusText);

inline bool hasCapability(std::uint64_t capabilities, unsigned capability) {
    return capability < 64 && ((capabilities >> capability) & 1U) != 0;
}

}  // namespace netmon::linux_platform
