// SPDX-License-Identifier: GPL-3.0-or-later
#include "protocol/json_values.h"

namespace netmon::protocol {

std::int64_t nanosecondsSinceEpoch(std::chrono::system_clock::time_point time) {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(time.time_since_epoch()).count();
}

std::chrono::system_clock::time_point timeFromNanoseconds(std::int64_t nanoseconds) {
    return std::chrono::system_clock::time_point(
        std::chrono::duration_cast<std::chrono::system_clock::duration>(
            std::chrono::nanoseconds(nanoseconds)));
}

nlohmann::json addressJson(const IpAddress& address) {
    if (address.family() == AddressFamily::None) {
        return nullptr;
    }
    return address.toString();
}

}  // namespace netmon::protocol
