// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/history_types.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>

#include "core/enum_names.h"

namespace netmon::storage {

namespace {

constexpr std::array<std::pair<Resolution, std::string_view>, 4> kNames{{
    {Resolution::Raw, "raw"},
    {Resolution::Minute, "minute"},
    {Resolution::Hour, "hour"},
    {Resolution::Day, "day"},
}};

}  // namespace

std::string_view toString(Breakdown dimension) {
    return dimension == Breakdown::Process ? "process" : "host";
}

std::optional<Breakdown> parseBreakdown(std::string_view text) {
    return enumFromName(text, {Breakdown::Host, Breakdown::Process});
}

std::string_view toString(Resolution resolution) {
    for (const auto& [value, name] : kNames) {
        if (value == resolution) {
            return name;
        }
    }
    return "hour";
}

std::optional<Resolution> parseResolution(std::string_view text) {
    for (const auto& [value, name] : kNames) {
        const bool same = std::equal(
            text.begin(), text.end(), name.begin(), name.end(),
            [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) == b; });
        if (same) {
            return value;
        }
    }
    return std::nullopt;
}

}  // namespace netmon::storage
