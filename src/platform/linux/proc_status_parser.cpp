// SPDX-License-Identifier: GPL-3.0-or-later
#include "platform/linux/proc_status_parser.h"

#include <charconv>
#include <string>

namespace netmon::linux_platform {

Result<std::uint64_t> parseEffectiveCapabilities(std::string_view statusText) {
    constexpr std::string_view key = "CapEff:";
    std::size_t at = 0;
    for (;;) {
        at = statusText.find(key, at);
        if (at == std::string_view::npos) {
            return fail("no CapEff line in /proc/self/status");
        }
        if (at == 0 || statusText[at - 1] == '\n') {
            break;  // a line that starts with the key, not a mention inside another line
        }
        at += key.size();
    }
    std::string_view value = statusText.substr(at + key.size());
    value = value.substr(0, value.find('\n'));
    while (!value.empty() && (value.front() == '\t' || value.front() == ' ')) {
        value.remove_prefix(1);
    }
    while (!value.empty() && (value.back() == ' ' || value.back() == '\r')) {
        value.remove_suffix(1);
    }
    constexpr std::size_t kMaxDigits = 16;
    std::uint64_t capabilities = 0;
    const char* end = value.data() + value.size();
    const auto [next, error] = std::from_chars(value.data(), end, capabilities, 16);
    if (value.empty() || value.size() > kMaxDigits || error != std::errc() || next != end) {
        return fail("malformed CapEff value '" + std::string(value) + "' in /proc/self/status");
    }
    return capabilities;
}

}  // namespace netmon::linux_platform
