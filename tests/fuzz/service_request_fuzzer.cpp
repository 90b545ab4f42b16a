// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target for what a peer sends over the service's socket (built by bench/fuzz.sh
// requests): a request line as the service reads it, with the query and settings decoders it
// runs on one; and the same bytes as a reply as a client reads it, with the snapshot and history
// decoders. Whatever the bytes, nothing may throw, crash or read out of bounds.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/config.h"
#include "protocol/history_codec.h"
#include "protocol/message_text.h"
#include "protocol/messages.h"
#include "protocol/snapshot_codec.h"

namespace {

using namespace netmon;
using namespace netmon::protocol;

void asRequest(std::string_view line) {
    auto request = parseRequest(line);
    if (!request) {
        return;
    }
    const nlohmann::json& body = request->body;
    const nlohmann::json query = body.contains("query") ? body["query"] : nlohmann::json();
    switch (request->kind) {
        case RequestKind::History:
            (void)decodeHistoryQuery(query);
            break;
        case RequestKind::Breakdown:
            (void)decodeBreakdownQuery(query);
            break;
        case RequestKind::SetSettings:
            if (body.contains("settings")) {
                (void)parseConfig(messageText(body["settings"]));
            }
            break;
        default:
            break;
    }
}

void asReply(std::string_view line) {
    auto reply = parseReply(line);
    if (!reply) {
        return;
    }
    const auto member = [&](const char* key) {
        return reply->contains(key) ? (*reply)[key] : nlohmann::json();
    };
    (void)decodeSnapshot(member("snapshot"), std::chrono::steady_clock::now());
    (void)decodeHistoryRows(member("rows"));
    (void)decodeBreakdownRows(member("rows"));
    (void)decodeUsageTotals(member("usage"));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view line(reinterpret_cast<const char*>(data), size);
    asRequest(line);
    asReply(line);
    return 0;
}
