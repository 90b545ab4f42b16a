// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace netmon::capture {

// libbpf reports through one process-wide print callback, to stderr by default. This routes
// its warnings into a short in-memory history instead (the CLI's output stays clean), so that
// an error can quote what libbpf and the verifier said. Debug messages are dropped.
void routeLibbpfMessages();

// Marks where a new operation starts: libbpfMessagesSinceMark() returns only what came after.
void markLibbpfMessages();
std::vector<std::string> libbpfMessagesSinceMark();

// The last verifier log among `messages` (libbpf prints it between "-- BEGIN PROG LOAD LOG --"
// and "-- END PROG LOAD LOG --"): its last `maxLines` lines, where the reason is; empty when
// there is none.
std::string verifierLogTail(const std::vector<std::string>& messages, std::size_t maxLines);

}  // namespace netmon::capture
