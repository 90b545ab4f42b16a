// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The CLI prints the shapes the service's protocol also sends (protocol/json_views.h), so a
// script reads the same JSON from `netmon … --json` and from the socket.
#include "protocol/json_views.h"

namespace netmon::cli {

using protocol::breakdownRowJson;
using protocol::captureJson;
using protocol::flowJson;
using protocol::historyRowJson;
using protocol::hostJson;
using protocol::interfaceJson;
using protocol::jsonArray;
using protocol::jsonText;
using protocol::permissionJson;
using protocol::processJson;
using protocol::usageJson;
using protocol::visibilityJson;
using protocol::watchTickJson;

// Each row of a JSON array says where it comes from: "service" (netmond) or "local" (this run
// sampled in-process, or read the user's own database).
inline nlohmann::json withSource(nlohmann::json rows, const char* source) {
    for (nlohmann::json& row : rows) {
        row["source"] = source;
    }
    return rows;
}

}  // namespace netmon::cli
