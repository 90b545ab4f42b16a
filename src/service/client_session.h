// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <stop_token>

#include "platform/local_socket.h"
#include "service/session_services.h"

namespace netmon::service {

// Serves one client until it closes, misbehaves or the service stops. Requests are read one
// line at a time (at most protocol::kMaxRequestBytes, each within a minute of the last); a
// reply the client does not take within a few seconds ends the connection — only this one.
void serveClient(platform::LocalConnection& connection, const SessionServices& services,
                 const std::stop_token& stop);

}  // namespace netmon::service
