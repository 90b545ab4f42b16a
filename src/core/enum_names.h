// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <initializer_list>
#include <optional>
#include <string_view>

namespace netmon {

// The value among `all` whose name (its `toString`, found beside the enum) is `text`: the one
// way back from a name, so a parser cannot drift from the names it reads.
template <typename Enum>
std::optional<Enum> enumFromName(std::string_view text, std::initializer_list<Enum> all) {
    for (const Enum value : all) {
        if (toString(value) == text) {
            return value;
        }
    }
    return std::nullopt;
}

}  // namespace netmon
