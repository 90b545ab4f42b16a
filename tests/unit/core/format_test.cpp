// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/format.h"

#include <gtest/gtest.h>

#include <limits>

namespace netmon {
namespace {

TEST(FormatBitRate, ScalesByThousands) {
    EXPECT_EQ(formatBitRate(0), "0 bit/s");
    EXPECT_EQ(formatBitRate(950), "950 bit/s");
    EXPECT_EQ(formatBitRate(12'340), "12.3 kbit/s");
    EXPECT_EQ(formatBitRate(1'234'567), "1.23 Mbit/s");
    EXPECT_EQ(formatBitRate(123'400'000), "123 Mbit/s");
    EXPECT_EQ(formatBitRate(2'500'000'000.0), "2.50 Gbit/s");
}

TEST(FormatBitRate, StepsUpRatherThanPrintingAThousand) {
    EXPECT_EQ(formatBitRate(999'600), "1.00 Mbit/s");
    EXPECT_EQ(formatBitRate(999.7), "1.00 kbit/s");
}

TEST(FormatBitRate, NonsenseShowsZero) {
    EXPECT_EQ(formatBitRate(-5), "0 bit/s");
    EXPECT_EQ(formatBitRate(std::numeric_limits<double>::quiet_NaN()), "0 bit/s");
    EXPECT_EQ(formatBitRate(std::numeric_limits<double>::infinity()), "0 bit/s");
}

TEST(FormatBytes, ScalesByPowersOfTwo) {
    EXPECT_EQ(formatBytes(0), "0 B");
    EXPECT_EQ(formatBytes(1023), "1023 B");
    EXPECT_EQ(formatBytes(1536), "1.50 KiB");
    EXPECT_EQ(formatBytes(3'407'872), "3.25 MiB");  // 3.25 * 1024^2
    EXPECT_EQ(formatBytes(1'150'000'000), "1.07 GiB");
    EXPECT_EQ(formatBytes(2ULL << 40), "2.00 TiB");
}

TEST(FormatSums, UnknownIsNotAvailableAndALowerBoundIsMarked) {
    EXPECT_EQ(formatByteSum(std::nullopt, false), "n/a");
    EXPECT_EQ(formatByteSum(4'096, false), "≥ 4.00 KiB");
    EXPECT_EQ(formatByteSum(4'096, true), "4.00 KiB");
    EXPECT_EQ(formatByteSum(0, true), "0 B");
    EXPECT_EQ(formatBitRateSum(std::nullopt, true), "n/a");
    EXPECT_EQ(formatBitRateSum(12'340, false), "≥ 12.3 kbit/s");
    EXPECT_EQ(formatBitRateSum(12'340, true), "12.3 kbit/s");
}

}  // namespace
}  // namespace netmon
