// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include "core/model/flow_stat.h"

namespace netmon::gui {

// How the Connections table, its search and its filter menus name a flow's protocol and process:
// one spelling everywhere, so what a filter lists is what the cells show.

// "tcp" → "TCP".
QString protocolText(netmon::Protocol protocol);
// What the Process column shows: "firefox (4242)", "another user's", "—".
QString processText(const FlowStat& flow);

}  // namespace netmon::gui
