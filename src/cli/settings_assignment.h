// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/result.h"

namespace netmon::cli {

// `KEY=VALUE` as `netmon settings set` takes it, applied to the settings as their JSON object
// (serializeConfig's). KEY is a key of that object, a nested one with a dot
// (`privacy.mask_addresses`); VALUE is read by the type the key has: an integer, true/false
// (also on/off, yes/no), a text taken as it is, or a comma-separated list (empty: none). An
// unknown key or a value of the wrong type is an error naming it; the values' ranges are
// parseConfig's to check.
Result<nlohmann::json> applySettingAssignments(nlohmann::json settings,
                                               const std::vector<std::string>& assignments);

// The settings' keys as `settings set` names them, each with its value as text, by key;
// "version" is left out.
std::vector<std::pair<std::string, std::string>> settingLines(const nlohmann::json& settings);

}  // namespace netmon::cli
