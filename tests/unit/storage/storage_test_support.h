// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <gtest/gtest.h>
#include <stdlib.h>
#include <time.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "fakes/fake_clock.h"
#include "fakes/scoped_time_zone.h"
#include "fakes/temp_dir.h"
#include "storage/history_reader.h"
#include "storage/history_writer.h"
#include "storage/sqlite_connection.h"

namespace netmon::storage::test {

using netmon::test::ScopedTimeZone;
using netmon::test::TempDir;

// append() only takes a queue lock; a blocked one would wait for the disk (seconds). The slack
// is for a loaded CI machine, not for any waiting the code is allowed to do.
inline constexpr std::chrono::milliseconds kNeverBlocks{250};

inline constexpr const char* kBerlin = "CET-1CEST,M3.5.0,M10.5.0/3";

// An instant given in UTC, e.g. utc(2024, 3, 31, 21, 59, 59).
inline TimePoint utc(int year, unsigned month, unsigned day, int hour = 0, int minute = 0,
                     int second = 0, int millisecond = 0) {
    using namespace std::chrono;
    const sys_days date =
        year_month_day(std::chrono::year(year), std::chrono::month(month), std::chrono::day(day));
    return TimePoint(date) + hours(hour) + minutes(minute) + seconds(second) +
           milliseconds(millisecond);
}

inline InterfaceSample sample(std::string name, TimePoint time, std::uint64_t rxBytes,
                              std::uint64_t txBytes, std::uint64_t rxPackets = 1,
                              std::uint64_t txPackets = 1) {
    return InterfaceSample{std::move(name), time,    std::chrono::milliseconds(1000),
                           rxBytes,         txBytes, rxPackets,
                           txPackets};
}

inline std::string readBytes(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

inline void writeBytes(const std::filesystem::path& path, const std::string& bytes) {
    std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
}

inline std::unique_ptr<HistoryWriter> openWriter(const std::filesystem::path& path,
                                                 const Clock& clock,
                                                 std::vector<std::string>* warnings = nullptr,
                                                 RetentionPolicy retention = {}) {
    std::vector<std::string> ignored;
    HistoryWriter::Options options;
    options.path = path;
    options.clock = &clock;
    options.retention = retention;
    auto writer = HistoryWriter::open(options, warnings ? *warnings : ignored);
    EXPECT_TRUE(writer) << (writer ? "" : writer.error().describe());
    return writer ? std::move(*writer) : nullptr;
}

inline std::int64_t queryInt(const std::filesystem::path& path, const std::string& sql) {
    auto connection = Connection::open(path, SQLITE_OPEN_READONLY);
    EXPECT_TRUE(connection);
    auto value = connection->queryInt(sql);
    EXPECT_TRUE(value) << (value ? "" : value.error().describe());
    return value ? *value : -1;
}

inline std::vector<HistoryRow> queryRows(const std::filesystem::path& path, Resolution resolution,
                                         TimePoint since, TimePoint until,
                                         std::optional<std::string> interfaceName = {}) {
    auto reader = HistoryReader::open(path);
    EXPECT_TRUE(reader) << (reader ? "" : reader.error().describe());
    if (!reader) {
        return {};
    }
    auto rows = (*reader)->query(HistoryQuery{std::move(interfaceName), since, until, resolution});
    EXPECT_TRUE(rows) << (rows ? "" : rows.error().describe());
    return rows ? *rows : std::vector<HistoryRow>{};
}

// A row as the tests spell the expected value: start, name, rx, tx.
struct Expected {
    TimePoint start;
    std::string name;
    std::uint64_t rxBytes;
    std::uint64_t txBytes;
};

inline void expectRows(const std::vector<HistoryRow>& rows, const std::vector<Expected>& want) {
    ASSERT_EQ(rows.size(), want.size());
    for (std::size_t i = 0; i < rows.size(); ++i) {
        SCOPED_TRACE("row " + std::to_string(i));
        EXPECT_EQ(rows[i].start, want[i].start);
        EXPECT_EQ(rows[i].interfaceName, want[i].name);
        EXPECT_EQ(rows[i].rxBytes, want[i].rxBytes);
        EXPECT_EQ(rows[i].txBytes, want[i].txBytes);
    }
}

}  // namespace netmon::storage::test
