// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/format.h"

namespace netmon::gui {

// Core speaks UTF-8 std::string; Qt speaks QString. These only convert: the unit formatting is
// core's formatBitRate / formatBytes.
inline QString toQString(std::string_view text) {
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

inline std::string toStdString(const QString& text) {
    return text.toStdString();
}

inline QString bitRateText(double bitsPerSecond) {
    return toQString(formatBitRate(bitsPerSecond));
}

inline QString bytesText(std::uint64_t bytes) {
    return toQString(formatBytes(bytes));
}

// Sums over flows that may not all be counted: "n/a", "≥ 4.00 KiB" or "4.00 KiB".
inline QString byteSumText(const std::optional<std::uint64_t>& bytes, bool complete) {
    return toQString(formatByteSum(bytes, complete));
}

}  // namespace netmon::gui
