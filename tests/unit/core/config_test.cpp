// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/config.h"

#include <gtest/gtest.h>

namespace netmon {
namespace {

using namespace std::chrono_literals;

bool anyWarningContains(const LoadedConfig& loaded, const std::string& needle) {
    for (const auto& warning : loaded.warnings) {
        if (warning.find(needle) != std::string::npos) {
            return true;
        }
    }
    return false;
}

TEST(Config, SerializeThenParseGivesTheSameSettings) {
    Config config;
    config.samplingInterval = 250ms;
    config.retentionDays = 30;
    config.captureMode = CaptureMode::Deep;
    config.privacy = {false, true, false};
    config.monitoredInterfaces = {"eth0", "wlan0"};
    config.databasePath = "/var/lib/netmon/h.db";
    const LoadedConfig loaded = parseConfig(serializeConfig(config));
    EXPECT_TRUE(loaded.warnings.empty());
    EXPECT_TRUE(loaded.hasOurKeys);
    EXPECT_EQ(loaded.config, config);
}

TEST(Config, WrongTypesGetDefaultsAndAWarningEach) {
    const LoadedConfig loaded = parseConfig(R"({
        "sampling_interval_ms": "fast",
        "retention_days": 12.5,
        "capture_mode": 3,
        "privacy": {"mask_addresses": "yes", "resolve_host_names": false},
        "monitored_interfaces": "eth0"
    })");
    EXPECT_EQ(loaded.config.samplingInterval, 1000ms);
    EXPECT_EQ(loaded.config.captureMode, CaptureMode::Auto);
    EXPECT_FALSE(loaded.config.privacy.maskAddresses);
    EXPECT_FALSE(loaded.config.privacy.resolveHostNames) << "good values beside bad ones stay";
    EXPECT_TRUE(loaded.config.monitoredInterfaces.empty());
    EXPECT_TRUE(anyWarningContains(loaded, "sampling_interval_ms"));
    EXPECT_TRUE(anyWarningContains(loaded, "capture_mode"));
    EXPECT_TRUE(anyWarningContains(loaded, "mask_addresses"));
    EXPECT_TRUE(anyWarningContains(loaded, "monitored_interfaces"));
    EXPECT_FALSE(loaded.notJson);
}

TEST(Config, OutOfRangeValuesGetDefaultsWithTheReason) {
    for (const char* text :
         {R"({"sampling_interval_ms": 50})", R"({"sampling_interval_ms": 60001})",
          R"({"sampling_interval_ms": -1000})"}) {
        const LoadedConfig loaded = parseConfig(text);
        EXPECT_EQ(loaded.config.samplingInterval, 1000ms) << text;
        EXPECT_TRUE(anyWarningContains(loaded, "between 100 ms and 60000 ms")) << text;
    }
    const LoadedConfig days = parseConfig(R"({"retention_days": 0})");
    EXPECT_EQ(days.config.retentionDays, 90);
    EXPECT_TRUE(anyWarningContains(days, "between 1 and 3650 days"));
    const LoadedConfig mode = parseConfig(R"({"capture_mode": "turbo"})");
    EXPECT_TRUE(anyWarningContains(mode, "'turbo'"));
    const LoadedConfig name = parseConfig(R"({"monitored_interfaces": ["eth0", ""]})");
    EXPECT_TRUE(name.config.monitoredInterfaces.empty());
}

TEST(Config, EdgesOfTheRangesAreAccepted) {
    const LoadedConfig low = parseConfig(R"({"sampling_interval_ms": 100, "retention_days": 1})");
    EXPECT_TRUE(low.warnings.empty());
    EXPECT_EQ(low.config.samplingInterval, 100ms);
    const LoadedConfig high =
        parseConfig(R"({"sampling_interval_ms": 60000, "retention_days": 3650})");
    EXPECT_TRUE(high.warnings.empty());
    EXPECT_EQ(high.config.retentionDays, 3650);
}

// Only JSON integers in range are numbers: no booleans, fractions, exponents, strings, or
// values that a narrowing would wrap (4294967297 used to become 1 day of retention).
TEST(Config, NumbersThatAreNotInRangeIntegersGetTheDefaultAndAWarningNamingTheKey) {
    for (const char* value : {"4294967297", "-1", "true", "1.9", "1e300", "\"90\"", "90.0",
                              "18446744073709551615", "-9223372036854775808", "null", "[30]"}) {
        const LoadedConfig loaded = parseConfig(std::string(R"({"retention_days": )") + value +
                                                R"(, "sampling_interval_ms": )" + value + "}");
        EXPECT_EQ(loaded.config.retentionDays, 90) << value;
        EXPECT_EQ(loaded.config.samplingInterval, 1000ms) << value;
        ASSERT_EQ(loaded.warnings.size(), 2U) << value;
        EXPECT_NE(loaded.warnings[0].find("'sampling_interval_ms'"), std::string::npos)
            << loaded.warnings[0];
        EXPECT_NE(loaded.warnings[1].find("'retention_days'"), std::string::npos)
            << loaded.warnings[1];
    }
    const LoadedConfig whole =
        parseConfig(R"({"retention_days": 30, "sampling_interval_ms": 250})");
    EXPECT_TRUE(whole.warnings.empty());
    EXPECT_EQ(whole.config.retentionDays, 30);
    EXPECT_EQ(whole.config.samplingInterval, 250ms);
}

TEST(Config, UnknownKeysAreReported) {
    const LoadedConfig loaded = parseConfig(R"({"colour": "blue"})");
    EXPECT_TRUE(anyWarningContains(loaded, "unknown setting 'colour'"));
}

TEST(Config, CaptureModeNamesRoundTrip) {
    for (const CaptureMode mode : {CaptureMode::Auto, CaptureMode::Basic, CaptureMode::Deep}) {
        EXPECT_EQ(parseCaptureMode(toString(mode)), mode);
    }
    EXPECT_FALSE(parseCaptureMode("Deep"));
}

// history_top_n: hosts and processes with their own history row per hour and per day.
TEST(Config, HistoryTopNDefaultsTo200AndRoundTrips) {
    EXPECT_EQ(Config{}.historyTopN, 200);
    EXPECT_EQ(parseConfig("{}").config.historyTopN, 200);
    Config config;
    config.historyTopN = 500;
    const LoadedConfig loaded = parseConfig(serializeConfig(config));
    EXPECT_TRUE(loaded.warnings.empty());
    EXPECT_EQ(loaded.config.historyTopN, 500);
}

TEST(Config, HistoryTopNAcceptsItsRangeAndRefusesTheRestWithAWarning) {
    for (const int edge : {10, 10'000}) {
        const LoadedConfig loaded =
            parseConfig(R"({"history_top_n": )" + std::to_string(edge) + "}");
        EXPECT_TRUE(loaded.warnings.empty()) << edge;
        EXPECT_EQ(loaded.config.historyTopN, edge);
    }
    for (const char* text : {R"({"history_top_n": 9})", R"({"history_top_n": 10001})",
                             R"({"history_top_n": -200})", R"({"history_top_n": "many"})"}) {
        const LoadedConfig loaded = parseConfig(text);
        EXPECT_EQ(loaded.config.historyTopN, 200) << text;
        ASSERT_EQ(loaded.warnings.size(), 1U) << text;
        EXPECT_TRUE(anyWarningContains(loaded, "'history_top_n'")) << text;
    }
    EXPECT_TRUE(anyWarningContains(parseConfig(R"({"history_top_n": 9})"), "between 10 and 10000"));
    EXPECT_FALSE(checkHistoryTopN(200));
    EXPECT_TRUE(checkHistoryTopN(0));
}

}  // namespace
}  // namespace netmon
