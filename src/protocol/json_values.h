// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "core/model/ip_address.h"

namespace netmon::protocol {

// How values are written; FieldReader reads them back.

// Time points as integer nanoseconds since the Unix epoch. system_clock counts nanoseconds in
// libstdc++ on Linux and in MinGW alike, so nothing is rounded; int64 nanoseconds cover the
// years 1677–2262, the whole range such a clock has.
std::int64_t nanosecondsSinceEpoch(std::chrono::system_clock::time_point time);
std::chrono::system_clock::time_point timeFromNanoseconds(std::int64_t nanoseconds);

// An address as its canonical text; null for an address of no family.
nlohmann::json addressJson(const IpAddress& address);

// An optional as its value or null: unknown is never 0. Doubles are written as they are: JSON
// has no NaN or infinity (nlohmann prints them as null), but core never makes one (rates divide
// by an elapsed time it checked is positive), and one that came would read back as unknown (an
// optional) or be refused (a required number), never as a number.
template <typename T>
nlohmann::json nullable(const std::optional<T>& value) {
    return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

// A JSON array of `encode(item)` for each item.
template <typename Items, typename Encode>
nlohmann::json encodeList(const Items& items, Encode encode) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& item : items) {
        out.push_back(encode(item));
    }
    return out;
}

// An enum by the name its toString gives.
template <typename Enum>
nlohmann::json nameJson(Enum value) {
    return std::string(toString(value));
}

}  // namespace netmon::protocol
