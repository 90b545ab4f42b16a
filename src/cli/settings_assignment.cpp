// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/settings_assignment.h"

#include <charconv>
#include <optional>

namespace netmon::cli {
namespace {

constexpr const char* kVersionKey = "version";

Error refused(const std::string& message) {
    return Error{message, "netmon settings lists the keys and their values"};
}

std::optional<bool> parseSwitch(const std::string& text) {
    for (const char* yes : {"true", "on", "yes"}) {
        if (text == yes) {
            return true;
        }
    }
    for (const char* no : {"false", "off", "no"}) {
        if (text == no) {
            return false;
        }
    }
    return std::nullopt;
}

std::optional<std::int64_t> parseInteger(const std::string& text) {
    std::int64_t value = 0;
    const char* end = text.data() + text.size();
    const auto [stop, error] = std::from_chars(text.data(), end, value);
    if (text.empty() || error != std::errc{} || stop != end) {
        return std::nullopt;
    }
    return value;
}

nlohmann::json parseList(const std::string& text) {
    nlohmann::json list = nlohmann::json::array();
    std::size_t start = 0;
    while (start <= text.size() && !text.empty()) {
        const std::size_t comma = std::min(text.find(',', start), text.size());
        list.push_back(text.substr(start, comma - start));
        start = comma + 1;
    }
    return list;
}

// The value `text` as the type of `current`, or why it cannot be.
Result<nlohmann::json> valueLike(const nlohmann::json& current, const std::string& key,
                                 const std::string& text) {
    if (current.is_boolean()) {
        if (auto value = parseSwitch(text)) {
            return nlohmann::json(*value);
        }
        return tl::unexpected(refused(key + " takes true or false"));
    }
    if (current.is_number_integer()) {
        if (auto value = parseInteger(text)) {
            return nlohmann::json(*value);
        }
        return tl::unexpected(refused(key + " takes a whole number"));
    }
    if (current.is_array()) {
        return parseList(text);
    }
    if (current.is_string()) {
        return nlohmann::json(text);
    }
    return tl::unexpected(refused(key + " cannot be set on its own"));
}

}  // namespace

Result<nlohmann::json> applySettingAssignments(nlohmann::json settings,
                                               const std::vector<std::string>& assignments) {
    for (const std::string& assignment : assignments) {
        const std::size_t equals = assignment.find('=');
        if (equals == std::string::npos) {
            return tl::unexpected(refused("\"" + assignment + "\" is not KEY=VALUE"));
        }
        const std::string key = assignment.substr(0, equals);
        const std::string text = assignment.substr(equals + 1);
        nlohmann::json* slot = &settings;
        std::size_t start = 0;
        while (true) {
            const std::size_t dot = key.find('.', start);
            const std::string part = key.substr(start, dot - start);
            const auto found = slot->is_object() ? slot->find(part) : slot->end();
            if (part.empty() || part == kVersionKey || found == slot->end()) {
                return tl::unexpected(refused("there is no setting \"" + key + "\""));
            }
            slot = &*found;
            if (dot == std::string::npos) {
                break;
            }
            start = dot + 1;
        }
        auto value = valueLike(*slot, key, text);
        if (!value) {
            return tl::unexpected(value.error());
        }
        *slot = std::move(*value);
    }
    return settings;
}

std::vector<std::pair<std::string, std::string>> settingLines(const nlohmann::json& settings) {
    std::vector<std::pair<std::string, std::string>> lines;
    const auto text = [](const nlohmann::json& value) {
        if (value.is_string()) {
            return value.get<std::string>();
        }
        if (value.is_array()) {
            std::string joined;
            for (const nlohmann::json& item : value) {
                joined += (joined.empty() ? "" : ",") +
                          (item.is_string() ? item.get<std::string>() : item.dump());
            }
            return joined;
        }
        return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    };
    for (const auto& [key, value] : settings.items()) {
        if (key == kVersionKey) {
            continue;
        }
        if (value.is_object()) {
            for (const auto& [inner, innerValue] : value.items()) {
                lines.emplace_back(key + "." + inner, text(innerValue));
            }
        } else {
            lines.emplace_back(key, text(value));
        }
    }
    return lines;
}

}  // namespace netmon::cli
