// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <gtest/gtest.h>

#include <chrono>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "integration/child_process.h"

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

// Runs `argv` until `accept` likes its JSON output (the kernel acks data within milliseconds,
// but not instantly), or five seconds pass; returns the last output.
inline nlohmann::json pollJson(const std::vector<std::string>& argv,
                               const std::function<bool(const nlohmann::json&)>& accept) {
    nlohmann::json last;
    for (int attempt = 0; attempt < 50; ++attempt) {
        const CommandResult result = runCommand(argv);
        EXPECT_EQ(result.status, 0) << result.err;
        last = nlohmann::json::parse(result.out);
        if (accept(last)) {
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds{100});
    }
    return last;
}

}  // namespace netmon::test
