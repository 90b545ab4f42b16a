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

}  // namespace netmon::cli
