// SPDX-License-Identifier: GPL-3.0-or-later
#include "platform/linux/proc_net_dev_parser.h"

#include <array>
#include <charconv>
#include <cstdint>

namespace netmon::linux_platform {
namespace {

constexpr std::size_t kColumns = 16;
// Column positions in the kernel's dev_seq_printf_stats().
constexpr std::size_t kRxBytes = 0;
constexpr std::size_t kRxPackets = 1;
constexpr std::size_t kRxErrors = 2;
constexpr std::size_t kRxDrops = 3;
constexpr std::size_t kTxBytes = 8;
constexpr std::size_t kTxPackets = 9;
constexpr std::size_t kTxErrors = 10;
constexpr std::size_t kTxDrops = 11;

bool isBlank(char c) {
    return c == ' ' || c == '\t';
}

std::string_view trim(std::string_view text) {
    while (!text.empty() && isBlank(text.front())) {
        text.remove_prefix(1);
    }
    while (!text.empty() && (isBlank(text.back()) || text.back() == '\r')) {
        text.remove_suffix(1);
    }
    return text;
}

Result<ProcNetDevEntry> parseLine(std::string_view line, std::size_t lineNumber) {
    const auto where = [lineNumber](const std::string& what) {
        return fail("malformed /proc/net/dev line " + std::to_string(lineNumber) + ": " + what);
    };
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos) {
        return where("no ':' after the interface name");
    }
    const std::string_view name = trim(line.substr(0, colon));
    if (name.empty() || name.find_first_of(" \t") != std::string_view::npos) {
        return where("bad interface name '" + std::string(name) + "'");
    }
    std::array<std::uint64_t, kColumns> values{};
    std::string_view rest = line.substr(colon + 1);
    std::size_t count = 0;
    for (;;) {
        rest = trim(rest);
        if (rest.empty()) {
            break;
        }
        if (count == kColumns) {
            return where("more than 16 numbers");
        }
        const char* begin = rest.data();
        const char* end = rest.data() + rest.size();
        const auto [next, error] = std::from_chars(begin, end, values[count]);
        if (error != std::errc() || (next != end && !isBlank(*next))) {
            return where("'" + std::string(rest.substr(0, rest.find(' '))) +
                         "' is not an unsigned number");
        }
        rest.remove_prefix(static_cast<std::size_t>(next - begin));
        ++count;
    }
    if (count != kColumns) {
        return where(std::to_string(count) + " numbers, expected 16");
    }
    ProcNetDevEntry entry;
    entry.name = std::string(name);
    entry.counters.rxBytes = values[kRxBytes];
    entry.counters.rxPackets = values[kRxPackets];
    entry.counters.rxErrors = values[kRxErrors];
    entry.counters.rxDrops = values[kRxDrops];
    entry.counters.txBytes = values[kTxBytes];
    entry.counters.txPackets = values[kTxPackets];
    entry.counters.txErrors = values[kTxErrors];
    entry.counters.txDrops = values[kTxDrops];
    return entry;
}

}  // namespace

Result<std::vector<ProcNetDevEntry>> parseProcNetDev(std::string_view text) {
    constexpr std::size_t kHeaderLines = 2;
    std::vector<ProcNetDevEntry> entries;
    std::size_t lineNumber = 0;
    while (!text.empty()) {
        const std::size_t newline = text.find('\n');
        const std::string_view line = text.substr(0, newline);
        text.remove_prefix(newline == std::string_view::npos ? text.size() : newline + 1);
        ++lineNumber;
        if (lineNumber <= kHeaderLines) {
            // "Inter-|   Receive …" and " face |bytes …": recognise them rather than trust.
            if (line.find('|') == std::string_view::npos) {
                return fail("malformed /proc/net/dev: header line " + std::to_string(lineNumber) +
                            " is missing");
            }
            continue;
        }
        if (trim(line).empty()) {
            continue;
        }
        auto entry = parseLine(line, lineNumber);
        if (!entry) {
            return tl::unexpected(entry.error());
        }
        entries.push_back(std::move(*entry));
    }
    if (lineNumber < kHeaderLines) {
        return fail("malformed /proc/net/dev: " + std::to_string(lineNumber) + " lines");
    }
    return entries;
}

}  // namespace netmon::linux_platform
