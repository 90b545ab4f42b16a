// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <nlohmann/json.hpp>

#include "core/model/flow_stat.h"
#include "protocol/field_reader.h"

namespace netmon::protocol {

// One flow of a snapshot; its 5-tuple is written flat beside its other fields (protocol,
// local_address, local_port, remote_address, remote_port).
nlohmann::json encodeFlow(const FlowStat& flow);
void readFlow(FieldReader& reader, FlowStat& out);

}  // namespace netmon::protocol
