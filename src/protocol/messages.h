// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "core/result.h"

// The service's protocol (docs/service-protocol.md): one JSON object per line each way. A
// client sends requests; every reply has "ok", and either the result or an "error".
namespace netmon::protocol {

inline constexpr int kProtocolVersion = 1;
// A request longer than this is refused and its connection closed.
inline constexpr std::size_t kMaxRequestBytes = 64 * 1024;
// Replies can be large (a snapshot with every flow, a month of history).
inline constexpr std::size_t kMaxReplyBytes = 256 * 1024 * 1024;

enum class RequestKind {
    Hello,        // who the service is and what this client may see
    Snapshot,     // the latest tick
    Subscribe,    // every tick from now on, one line each, until the client closes
    History,      // storage::HistoryQuery → rows per interface
    Breakdown,    // storage::BreakdownQuery → rows per host or process
    Usage,        // today's and this month's totals per interface
    Health,       // mode, capture drops, the service's own CPU and memory
    Settings,     // the service's settings
    SetSettings,  // replace them (members of the service's group and administrators only)
};

std::string_view toString(RequestKind kind);

// "watch": the `netmon watch --json` object, for scripts. "full": every field of the snapshot
// (protocol/snapshot_codec.h), what netmon and netmon-gui read.
enum class SnapshotFormat { Watch, Full };

struct Request {
    RequestKind kind = RequestKind::Hello;
    SnapshotFormat format = SnapshotFormat::Watch;
    nlohmann::json body;  // the whole object, for the members a kind takes
};

// One request line from a peer: hostile input. Never throws; the error says what is wrong.
Result<Request> parseRequest(std::string_view line);

// The line a client sends (with its '\n').
std::string requestLine(RequestKind kind, nlohmann::json members = nlohmann::json::object());

// {"ok": true, ...members} and {"ok": false, "error": {"message", "hint"}} as lines. Text that
// is not valid UTF-8 is sent with U+FFFD in its place.
std::string replyLine(nlohmann::json members);
std::string errorLine(const Error& error);

// A reply line as a client reads it: the members of an "ok" reply, or its error.
Result<nlohmann::json> parseReply(std::string_view line);

}  // namespace netmon::protocol
