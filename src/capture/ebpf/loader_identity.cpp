// SPDX-License-Identifier: GPL-3.0-or-later
#include "capture/ebpf/loader_identity.h"

#include <charconv>

namespace netmon::capture {
namespace {

constexpr std::string_view kProgramPrefix = "netmon_";

// Takes "<key>=<decimal>" and the separator after it off the front of `text`.
template <typename T>
std::optional<T> takeField(std::string_view& text, std::string_view key, char separator) {
    if (!text.starts_with(key) || text.substr(key.size()).empty() || text[key.size()] != '=') {
        return std::nullopt;
    }
    text.remove_prefix(key.size() + 1);
    T value{};
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    const auto digits = static_cast<std::size_t>(end - text.data());
    // Plain decimal only: no sign, no leading zeros (one spelling per value), no overflow.
    if (error != std::errc() || digits == 0 || (text[0] == '0' && digits > 1)) {
        return std::nullopt;
    }
    text.remove_prefix(digits);
    if (separator != '\0') {
        if (text.empty() || text.front() != separator) {
            return std::nullopt;
        }
        text.remove_prefix(1);
    }
    return value;
}

}  // namespace

std::string filterName(std::string_view program, const LoaderIdentity& loader) {
    return std::string(program) + ":pid=" + std::to_string(loader.pid) +
           ",start=" + std::to_string(loader.startTime) +
           ",pidns=" + std::to_string(loader.pidNamespace) +
           ",instance=" + std::to_string(loader.instance);
}

std::optional<LoaderIdentity> loaderOfFilterName(std::string_view name) {
    const std::size_t colon = name.find(':');
    if (colon == std::string_view::npos || !name.starts_with(kProgramPrefix) ||
        colon == kProgramPrefix.size()) {
        return std::nullopt;
    }
    for (const char c : name.substr(kProgramPrefix.size(), colon - kProgramPrefix.size())) {
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) {
            return std::nullopt;
        }
    }
    std::string_view rest = name.substr(colon + 1);
    const auto pid = takeField<std::uint32_t>(rest, "pid", ',');
    const auto start = pid ? takeField<std::uint64_t>(rest, "start", ',') : std::nullopt;
    const auto pidns = start ? takeField<std::uint64_t>(rest, "pidns", ',') : std::nullopt;
    const auto instance = pidns ? takeField<std::uint64_t>(rest, "instance", '\0') : std::nullopt;
    if (!instance || !rest.empty() || *pid == 0) {
        return std::nullopt;
    }
    return LoaderIdentity{*pidns, *pid, *start, *instance};
}

}  // namespace netmon::capture
