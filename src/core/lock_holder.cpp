// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/lock_holder.h"

#include <algorithm>
#include <charconv>
#include <limits>

namespace netmon {

namespace {

constexpr std::size_t kMaxProgramBytes = 64;
constexpr std::size_t kMaxPidDigits = 10;  // 4294967295

bool printableAscii(std::string_view text) {
    return std::all_of(text.begin(), text.end(), [](char c) { return c >= 0x20 && c <= 0x7e; });
}

// The text up to the next '\n', which must be there; `rest` moves past it.
std::optional<std::string_view> takeLine(std::string_view& rest) {
    const std::size_t end = rest.find('\n');
    if (end == std::string_view::npos) {
        return std::nullopt;
    }
    const std::string_view line = rest.substr(0, end);
    rest.remove_prefix(end + 1);
    return line;
}

std::optional<std::uint32_t> parsePid(std::string_view text) {
    if (text.empty() || text.size() > kMaxPidDigits || text.front() == '0' ||
        !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        return std::nullopt;
    }
    std::uint64_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() ||
        value > std::numeric_limits<std::uint32_t>::max()) {
        return std::nullopt;
    }
    return static_cast<std::uint32_t>(value);
}

}  // namespace

std::string formatLockNote(const LockHolder& holder) {
    return std::to_string(holder.pid) + "\n" + holder.program + "\n";
}

std::optional<LockHolder> parseLockNote(std::string_view note) {
    if (note.size() > kMaxLockNoteBytes) {
        return std::nullopt;
    }
    std::string_view rest = note;
    const auto pidLine = takeLine(rest);
    const auto programLine = takeLine(rest);
    if (!pidLine || !programLine || !rest.empty()) {
        return std::nullopt;
    }
    const auto pid = parsePid(*pidLine);
    if (!pid || programLine->empty() || programLine->size() > kMaxProgramBytes ||
        !printableAscii(*programLine)) {
        return std::nullopt;
    }
    return LockHolder{*pid, std::string(*programLine)};
}

std::string describeLockHolder(const std::optional<LockHolder>& holder) {
    if (!holder) {
        return "another process";
    }
    return std::to_string(holder->pid) + " (" + holder->program + ")";
}

}  // namespace netmon
