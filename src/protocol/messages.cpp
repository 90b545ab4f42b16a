// SPDX-License-Identifier: GPL-3.0-or-later
#include "protocol/messages.h"

#include <array>
#include <utility>

#include "protocol/message_text.h"

namespace netmon::protocol {
namespace {

constexpr std::array<std::pair<RequestKind, std::string_view>, 9> kKinds{{
    {RequestKind::Hello, "hello"},
    {RequestKind::Snapshot, "snapshot"},
    {RequestKind::Subscribe, "subscribe"},
    {RequestKind::History, "history"},
    {RequestKind::Breakdown, "breakdown"},
    {RequestKind::Usage, "usage"},
    {RequestKind::Health, "health"},
    {RequestKind::Settings, "settings"},
    {RequestKind::SetSettings, "set-settings"},
}};

std::string line(const nlohmann::json& value) {
    return messageText(value) + "\n";
}

}  // namespace

std::string_view toString(RequestKind kind) {
    for (const auto& [candidate, name] : kKinds) {
        if (candidate == kind) {
            return name;
        }
    }
    return "unknown";
}

Result<Request> parseRequest(std::string_view text) {
    if (text.size() > kMaxRequestBytes) {
        return fail("request longer than " + std::to_string(kMaxRequestBytes) + " bytes");
    }
    auto parsed = parseMessage(text);
    if (!parsed || !parsed->is_object()) {
        return fail("a request is one JSON object on one line" +
                        (parsed ? std::string() : " (" + parsed.error().message + ")"),
                    R"(e.g. {"request": "snapshot"}; see docs/service-protocol.md)");
    }
    Request request;
    request.body = std::move(*parsed);
    if (const auto version = request.body.find("protocol"); version != request.body.end()) {
        if (!version->is_number_integer() || *version != kProtocolVersion) {
            return fail("protocol version not supported",
                        "this service speaks protocol " + std::to_string(kProtocolVersion));
        }
    }
    const auto name = request.body.find("request");
    if (name == request.body.end() || !name->is_string()) {
        return fail(R"(a request needs "request": the name of what it asks for)");
    }
    const auto& nameText = name->get_ref<const std::string&>();
    bool known = false;
    for (const auto& [kind, kindName] : kKinds) {
        if (kindName == nameText) {
            request.kind = kind;
            known = true;
        }
    }
    if (!known) {
        return fail("unknown request",
                    "known: hello, snapshot, subscribe, history, breakdown, "
                    "usage, health, settings, set-settings");
    }
    if (const auto format = request.body.find("format"); format != request.body.end()) {
        if (*format == "full") {
            request.format = SnapshotFormat::Full;
        } else if (*format != "watch") {
            return fail(R"("format" is "watch" or "full")");
        }
    }
    return request;
}

std::string requestLine(RequestKind kind, nlohmann::json members) {
    members["protocol"] = kProtocolVersion;
    members["request"] = std::string(toString(kind));
    return line(members);
}

std::string replyLine(nlohmann::json members) {
    members["ok"] = true;
    return line(members);
}

std::string errorLine(const Error& error) {
    return line({{"ok", false}, {"error", {{"message", error.message}, {"hint", error.hint}}}});
}

Result<nlohmann::json> parseReply(std::string_view text) {
    auto parsed = parseMessage(text);
    if (!parsed || !parsed->is_object() || !parsed->contains("ok") ||
        !(*parsed)["ok"].is_boolean()) {
        return fail("the service sent something that is not a reply");
    }
    nlohmann::json& reply = *parsed;
    if (!reply["ok"].get<bool>()) {
        const nlohmann::json& error = reply["error"];
        const auto member = [&](const char* key) {
            return error.is_object() && error.contains(key) && error[key].is_string()
                       ? error[key].get<std::string>()
                       : std::string{};
        };
        return fail("the service refused: " + member("message"), member("hint"));
    }
    return std::move(reply);
}

}  // namespace netmon::protocol
