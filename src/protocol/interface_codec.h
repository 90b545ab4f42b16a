// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <nlohmann/json.hpp>

#include "core/model/interface_stat.h"
#include "protocol/field_reader.h"

namespace netmon::protocol {

// One interface of a snapshot, its cumulative counters and its tick's traffic (null on its first
// reading).
nlohmann::json encodeInterface(const InterfaceStat& interface);
void readInterface(FieldReader& reader, InterfaceStat& out);

}  // namespace netmon::protocol
