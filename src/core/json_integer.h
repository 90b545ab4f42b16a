// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <limits>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>

#include "core/result.h"

namespace netmon {

// Why a JSON value is not an integer of the type asked for.
struct IntegerRefusal {
    bool outOfRange = false;  // an integer, but not one the type holds
    std::string found;        // the number, or what the value is instead ("string", …)

    [[nodiscard]] std::string describe() const {
        return outOfRange ? "is out of range (" + found + ")"
                          : "must be a whole number, not " + found;
    }
};

// A JSON integer as T, or why not. Only integers count: `true`, `1.9` and `1e300` are refused
// rather than converted (nlohmann's get<int>() would turn them into 1, 1 and undefined
// behaviour), and so is `90.0`: a float is refused whatever its value, which keeps the rule
// simple to state (an integer beyond 64 bits is parsed as a float, so it is refused too). The
// range is checked before narrowing, so 4294967297 is not 1.
template <typename T>
tl::expected<T, IntegerRefusal> integerFromJson(const nlohmann::json& value) {
    if (!value.is_number_integer()) {
        return tl::unexpected(IntegerRefusal{
            false, value.is_number_float() ? "a fraction or exponent" : value.type_name()});
    }
    if (value.is_number_unsigned()) {
        const auto number = value.get<std::uint64_t>();
        if (number > static_cast<std::uint64_t>(std::numeric_limits<T>::max())) {
            return tl::unexpected(IntegerRefusal{true, std::to_string(number)});
        }
        return static_cast<T>(number);
    }
    const auto number = value.get<std::int64_t>();
    if (!std::in_range<T>(number)) {
        return tl::unexpected(IntegerRefusal{true, std::to_string(number)});
    }
    return static_cast<T>(number);
}

}  // namespace netmon
