// SPDX-License-Identifier: GPL-3.0-or-later
#include "protocol/message_text.h"

#include "core/utf8_text.h"

namespace netmon::protocol {

Result<nlohmann::json> parseMessage(std::string_view text) {
    const std::string valid = toValidUtf8(text);
    bool tooDeep = false;
    // nlohmann calls this on each value; `depth` counts the containers around it. A container
    // past the limit is dropped, not built (its contents are still read, but kept nowhere).
    const nlohmann::json::parser_callback_t limitNesting =
        [&tooDeep](int depth, nlohmann::json::parse_event_t event, nlohmann::json&) {
            const bool opens = event == nlohmann::json::parse_event_t::object_start ||
                               event == nlohmann::json::parse_event_t::array_start;
            if (opens && static_cast<std::size_t>(depth) >= kMaxNesting) {
                tooDeep = true;
            }
            return !tooDeep;
        };
    nlohmann::json document = nlohmann::json::parse(valid, limitNesting, false);
    if (tooDeep) {
        return fail("The message received is nested deeper than " + std::to_string(kMaxNesting) +
                        " levels, so it is no message of ours",
                    "check what is listening on the service's socket");
    }
    if (document.is_discarded()) {
        return fail("The message received is not JSON",
                    "check what is listening on the service's socket");
    }
    return document;
}

std::string messageText(const nlohmann::json& document) {
    return document.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace netmon::protocol
