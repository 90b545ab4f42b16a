// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <string>

namespace netmon {

// Bytes one remote host or one process moved during one tick (for history).
struct TickTraffic {
    std::string name;  // host address text (masked when the privacy setting says so), or
                       // process name
    std::uint64_t bytesIn = 0;
    std::uint64_t bytesOut = 0;
};

}  // namespace netmon
