// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "core/result.h"

namespace netmon::protocol {

// Deeper than any message we write (a snapshot is 4 levels deep), with room for an envelope.
inline constexpr std::size_t kMaxNesting = 32;

// One message's JSON text as a document, for the decoders. Never throws. A peer's text is
// hostile: broken UTF-8 in it becomes U+FFFD (nlohmann's parser would refuse the whole message
// for one bad byte), and nesting deeper than kMaxNesting is refused without building it — plain
// nlohmann::json::parse turns 10 MB of "[[[[…" into about a gigabyte of nodes.
Result<nlohmann::json> parseMessage(std::string_view text);

// A document as one line of JSON text (no newline in it: strings escape theirs). Never throws:
// text that is not UTF-8 is written with U+FFFD instead of raising type_error 316.
std::string messageText(const nlohmann::json& document);

}  // namespace netmon::protocol
