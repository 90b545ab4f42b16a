// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace netmon::test {

inline const char* const kNetmon = NETMON_CLI_PATH;

// The entry named `name` in a JSON array of objects with a "name" (or "interface") member.
inline std::optional<nlohmann::json> findNamed(const nlohmann::json& array, const std::string& name,
                                               const char* key = "name") {
    for (const auto& item : array) {
        if (item.value(key, std::string()) == name) {
            return item;
        }
    }
    return std::nullopt;
}

}  // namespace netmon::test
