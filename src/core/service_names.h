// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <string_view>

#include "core/model/flow_key.h"

namespace netmon {

// The well-known service on a port ("https" for TCP 443), or "" when the port has none we know.
// A built-in table of the IANA names people meet daily, so no OS services database is needed.
std::string_view serviceName(Protocol protocol, std::uint16_t port);

}  // namespace netmon
