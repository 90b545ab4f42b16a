// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace netmon {

enum class CaptureMode : std::uint8_t { Auto, Basic, Deep };

std::string_view toString(CaptureMode mode);
std::optional<CaptureMode> parseCaptureMode(std::string_view text);

struct PrivacySettings {
    bool resolveHostNames = true;
    bool maskAddresses = false;
    bool storeHostHistory = true;

    friend bool operator==(const PrivacySettings&, const PrivacySettings&) = default;
};

struct Config {
    static constexpr std::chrono::milliseconds kMinSamplingInterval{100};
    static constexpr std::chrono::milliseconds kMaxSamplingInterval{60'000};
    static constexpr int kMinRetentionDays = 1;
    static constexpr int kMaxRetentionDays = 3650;
    static constexpr int kMinHistoryTopN = 10;
    static constexpr int kMaxHistoryTopN = 10'000;

    std::chrono::milliseconds samplingInterval{1000};
    int retentionDays = 90;
    // Hosts and processes with their own history row per hour and per day; the rest add up
    // in one "other" row, so a flood of new sources stores a bounded number of rows.
    int historyTopN = 200;
    CaptureMode captureMode = CaptureMode::Auto;
    PrivacySettings privacy;
    std::vector<std::string> monitoredInterfaces;  // empty: all of them
    std::filesystem::path databasePath;            // empty: the platform's default data location

    friend bool operator==(const Config&, const Config&) = default;
};

// Each returns why a value is refused (for the CLI and the settings screen), or nothing.
std::optional<std::string> checkSamplingInterval(std::chrono::milliseconds interval);
std::optional<std::string> checkRetentionDays(int days);
std::optional<std::string> checkHistoryTopN(int count);
std::optional<std::string> checkInterfaceName(std::string_view name);

struct LoadedConfig {
    Config config;
    std::vector<std::string> warnings;  // each bad value replaced by its default, a file set aside
    bool fileExisted = false;
    bool notJson = false;     // the text was not a JSON object
    bool hasOurKeys = false;  // the object has "version" or another key of our settings
    // The file is not ours to read or replace (not a regular file, unreadable, too big, not our
    // settings): it was left alone, the defaults are in use, and nothing may be saved over it.
    // The CLI exits 1 with this; the app shows it and does not save.
    std::optional<Error> refused;
};

// Parses JSON text into a config, replacing bad values by defaults with a warning each.
LoadedConfig parseConfig(std::string_view jsonText);
std::string serializeConfig(const Config& config);

}  // namespace netmon
