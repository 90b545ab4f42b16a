// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/config.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <nlohmann/json.hpp>
#include <type_traits>
#include <utility>

#include "core/enum_names.h"
#include "core/json_integer.h"

namespace netmon {
namespace {

using Json = nlohmann::json;

// Reads one optional member; a wrong type or a refused value keeps the default and a warning
// names the key.
template <typename T, typename Check>
void readSetting(const Json& object, const char* key, T& target, Check check,
                 std::vector<std::string>& warnings) {
    const auto found = object.find(key);
    if (found == object.end()) {
        return;
    }
    T value{};
    if constexpr (std::is_integral_v<T> && !std::is_same_v<T, bool>) {
        auto number = integerFromJson<T>(*found);
        if (!number) {
            warnings.push_back(std::string("setting '") + key + "' " + number.error().describe() +
                               "; using the default");
            return;
        }
        value = *number;
    } else {
        try {
            value = found->template get<T>();
        } catch (const Json::exception&) {
            warnings.push_back(std::string("setting '") + key + "' has the wrong type (" +
                               found->type_name() + "); using the default");
            return;
        }
    }
    if (const std::optional<std::string> refused = check(value)) {
        warnings.push_back(std::string("setting '") + key + "': " + *refused +
                           "; using the default");
        return;
    }
    target = std::move(value);
}

constexpr auto kAlwaysFine = [](const auto&) { return std::optional<std::string>{}; };

void readPrivacy(const Json& root, PrivacySettings& privacy, std::vector<std::string>& warnings) {
    const auto found = root.find("privacy");
    if (found == root.end()) {
        return;
    }
    if (!found->is_object()) {
        warnings.push_back("setting 'privacy' is not an object; using the defaults");
        return;
    }
    readSetting(*found, "resolve_host_names", privacy.resolveHostNames, kAlwaysFine, warnings);
    readSetting(*found, "mask_addresses", privacy.maskAddresses, kAlwaysFine, warnings);
    readSetting(*found, "store_host_history", privacy.storeHostHistory, kAlwaysFine, warnings);
}

}  // namespace

std::string_view toString(CaptureMode mode) {
    switch (mode) {
        case CaptureMode::Basic:
            return "basic";
        case CaptureMode::Deep:
            return "deep";
        case CaptureMode::Auto:
            break;
    }
    return "auto";
}

std::optional<CaptureMode> parseCaptureMode(std::string_view text) {
    return enumFromName(text, {CaptureMode::Auto, CaptureMode::Basic, CaptureMode::Deep});
}

std::optional<std::string> checkSamplingInterval(std::chrono::milliseconds interval) {
    if (interval < Config::kMinSamplingInterval || interval > Config::kMaxSamplingInterval) {
        return "the sampling interval must be between 100 ms and 60000 ms, not " +
               std::to_string(interval.count()) + " ms";
    }
    return std::nullopt;
}

std::optional<std::string> checkRetentionDays(int days) {
    if (days < Config::kMinRetentionDays || days > Config::kMaxRetentionDays) {
        return "retention must be between 1 and 3650 days, not " + std::to_string(days);
    }
    return std::nullopt;
}

std::optional<std::string> checkHistoryTopN(int count) {
    if (count < Config::kMinHistoryTopN || count > Config::kMaxHistoryTopN) {
        return "hosts and processes kept per hour must be between 10 and 10000, not " +
               std::to_string(count);
    }
    return std::nullopt;
}

std::optional<std::string> checkInterfaceName(std::string_view name) {
    // Linux allows up to 15 bytes (IFNAMSIZ - 1); Windows aliases are longer, so only refuse
    // what no OS accepts.
    if (name.empty()) {
        return "an interface name cannot be empty";
    }
    if (name.size() > 256) {
        return "interface name too long";
    }
    for (const char c : name) {
        if (static_cast<unsigned char>(c) < 0x20) {
            return "interface name contains a control character";
        }
    }
    return std::nullopt;
}

LoadedConfig parseConfig(std::string_view jsonText) {
    LoadedConfig loaded;
    const Json root = Json::parse(jsonText, nullptr, /*allow_exceptions=*/false);
    if (root.is_discarded() || !root.is_object()) {
        loaded.notJson = true;
        loaded.warnings.push_back("the settings are not a JSON object; using the defaults");
        return loaded;
    }
    Config& config = loaded.config;
    std::vector<std::string>& warnings = loaded.warnings;

    std::int64_t intervalMs = config.samplingInterval.count();
    readSetting(
        root, "sampling_interval_ms", intervalMs,
        [](std::int64_t ms) { return checkSamplingInterval(std::chrono::milliseconds{ms}); },
        warnings);
    config.samplingInterval = std::chrono::milliseconds{intervalMs};

    readSetting(root, "retention_days", config.retentionDays, checkRetentionDays, warnings);
    readSetting(root, "history_top_n", config.historyTopN, checkHistoryTopN, warnings);

    std::string mode(toString(config.captureMode));
    readSetting(
        root, "capture_mode", mode,
        [](const std::string& text) -> std::optional<std::string> {
            if (parseCaptureMode(text)) {
                return std::nullopt;
            }
            return "capture mode must be auto, basic or deep, not '" + text + "'";
        },
        warnings);
    config.captureMode = parseCaptureMode(mode).value_or(CaptureMode::Auto);

    readPrivacy(root, config.privacy, warnings);

    readSetting(
        root, "monitored_interfaces", config.monitoredInterfaces,
        [](const std::vector<std::string>& names) -> std::optional<std::string> {
            for (const std::string& name : names) {
                if (auto refused = checkInterfaceName(name)) {
                    return refused;
                }
            }
            return std::nullopt;
        },
        warnings);

    std::string databasePath;
    readSetting(root, "database_path", databasePath, kAlwaysFine, warnings);
    config.databasePath = databasePath;

    static constexpr std::array kKnownKeys{
        "version", "sampling_interval_ms", "retention_days", "capture_mode",
        "privacy", "monitored_interfaces", "database_path",  "history_top_n"};
    for (const auto& [key, value] : root.items()) {
        if (std::find(kKnownKeys.begin(), kKnownKeys.end(), key) == kKnownKeys.end()) {
            warnings.push_back("unknown setting '" + key + "' ignored");
        } else {
            loaded.hasOurKeys = true;
        }
    }
    return loaded;
}

std::string serializeConfig(const Config& config) {
    const Json root = {
        {"version", 1},
        {"sampling_interval_ms", config.samplingInterval.count()},
        {"retention_days", config.retentionDays},
        {"history_top_n", config.historyTopN},
        {"capture_mode", std::string(toString(config.captureMode))},
        {"privacy",
         {{"resolve_host_names", config.privacy.resolveHostNames},
          {"mask_addresses", config.privacy.maskAddresses},
          {"store_host_history", config.privacy.storeHostHistory}}},
        {"monitored_interfaces", config.monitoredInterfaces},
        {"database_path", config.databasePath.string()},
    };
    return root.dump(2) + "\n";
}

}  // namespace netmon
