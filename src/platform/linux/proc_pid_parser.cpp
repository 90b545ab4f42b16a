// SPDX-License-Identifier: GPL-3.0-or-later
#include "platform/linux/proc_pid_parser.h"

#include <charconv>
#include <string>

namespace netmon::linux_platform {
namespace {

template <typename T>
std::optional<T> number(std::string_view text) {
    T value{};
    const char* end = text.data() + text.size();
    const auto [next, error] = std::from_chars(text.data(), end, value);
    if (text.empty() || error != std::errc() || next != end) {
        return std::nullopt;
    }
    return value;
}

bool isBlank(char c) {
    return c == ' ' || c == '\t';
}

}  // namespace

Result<std::uint64_t> parseStartTime(std::string_view statText) {
    const std::size_t close = statText.rfind(')');
    if (close == std::string_view::npos) {
        return fail("malformed /proc/<pid>/stat: no ')' after the command name");
    }
    std::string_view rest = statText.substr(close + 1);
    // Fields after the name start at 3 (state); the start time is field 22.
    constexpr int kWanted = 22;
    for (int field = 3; !rest.empty(); ++field) {
        while (!rest.empty() && rest.front() == ' ') {
            rest.remove_prefix(1);
        }
        const std::size_t end = std::min(rest.find_first_of(" \n"), rest.size());
        if (field == kWanted) {
            if (const auto value = number<std::uint64_t>(rest.substr(0, end))) {
                return *value;
            }
            return fail("malformed /proc/<pid>/stat: start time '" +
                        std::string(rest.substr(0, end)) + "' is not a number");
        }
        rest.remove_prefix(end);
        if (!rest.empty() && rest.front() == '\n') {
            break;
        }
    }
    return fail("malformed /proc/<pid>/stat: fewer than 22 fields");
}

Result<ProcessUids> parseUids(std::string_view statusText) {
    constexpr std::string_view kKey = "Uid:";
    std::size_t at = 0;
    while ((at = statusText.find(kKey, at)) != std::string_view::npos && at != 0 &&
           statusText[at - 1] != '\n') {
        at += kKey.size();
    }
    if (at == std::string_view::npos) {
        return fail("no Uid line in /proc/<pid>/status");
    }
    std::string_view line = statusText.substr(at + kKey.size());
    line = line.substr(0, line.find('\n'));
    ProcessUids uids;
    for (std::uint32_t& id : uids.ids) {
        while (!line.empty() && isBlank(line.front())) {
            line.remove_prefix(1);
        }
        std::size_t end = 0;
        while (end < line.size() && !isBlank(line[end])) {
            ++end;
        }
        const auto value = number<std::uint32_t>(line.substr(0, end));
        if (!value) {
            return fail("malformed Uid line in /proc/<pid>/status");
        }
        id = *value;
        line.remove_prefix(end);
    }
    return uids;
}

std::optional<std::uint64_t> parseSocketLink(std::string_view target) {
    constexpr std::string_view kPrefix = "socket:[";
    if (target.size() <= kPrefix.size() + 1 || target.substr(0, kPrefix.size()) != kPrefix ||
        target.back() != ']') {
        return std::nullopt;
    }
    return number<std::uint64_t>(target.substr(kPrefix.size(), target.size() - kPrefix.size() - 1));
}

}  // namespace netmon::linux_platform
