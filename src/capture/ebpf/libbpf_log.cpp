// SPDX-License-Identifier: GPL-3.0-or-later
#include "capture/ebpf/libbpf_log.h"

#include <bpf/libbpf.h>

#include <algorithm>
#include <cstdarg>
#include <cstdio>
#include <deque>
#include <mutex>
#include <string_view>
#include <vector>

namespace netmon::capture {
namespace {

constexpr std::size_t kKeptLines = 400;

struct History {
    std::mutex mutex;
    std::deque<std::string> lines;
    std::size_t sinceMark = 0;  // how many of the lines came after the last mark
    std::string partial;        // a line libbpf printed in pieces
};

History& history() {
    static History instance;
    return instance;
}

int collect(enum libbpf_print_level level, const char* format, va_list args) {
    if (level == LIBBPF_DEBUG) {
        return 0;
    }
    std::vector<char> text(512);
    va_list copy;
    va_copy(copy, args);
    const int needed = std::vsnprintf(text.data(), text.size(), format, copy);
    va_end(copy);
    if (needed < 0) {
        return 0;
    }
    if (static_cast<std::size_t>(needed) >= text.size()) {
        text.resize(static_cast<std::size_t>(needed) + 1);
        std::vsnprintf(text.data(), text.size(), format, args);
    }
    History& kept = history();
    const std::lock_guard lock(kept.mutex);
    kept.partial.append(text.data(), static_cast<std::size_t>(needed));
    for (std::size_t end = kept.partial.find('\n'); end != std::string::npos;
         end = kept.partial.find('\n')) {
        kept.lines.push_back(kept.partial.substr(0, end));
        kept.partial.erase(0, end + 1);
        ++kept.sinceMark;
        if (kept.lines.size() > kKeptLines) {
            kept.lines.pop_front();
        }
    }
    return needed;
}

}  // namespace

void routeLibbpfMessages() {
    static std::once_flag once;
    std::call_once(once, [] { libbpf_set_print(collect); });
}

void markLibbpfMessages() {
    History& kept = history();
    const std::lock_guard lock(kept.mutex);
    kept.sinceMark = 0;
}

std::vector<std::string> libbpfMessagesSinceMark() {
    History& kept = history();
    const std::lock_guard lock(kept.mutex);
    const std::size_t count = std::min(kept.sinceMark, kept.lines.size());
    return {kept.lines.end() - static_cast<std::ptrdiff_t>(count), kept.lines.end()};
}

std::string verifierLogTail(const std::vector<std::string>& messages, std::size_t maxLines) {
    constexpr std::string_view kBegin = "-- BEGIN PROG LOAD LOG --";
    constexpr std::string_view kEnd = "-- END PROG LOAD LOG --";
    std::size_t begin = messages.size();
    for (std::size_t i = messages.size(); i-- > 0;) {
        if (messages[i].find(kBegin) != std::string::npos) {
            begin = i;
            break;
        }
    }
    if (begin == messages.size()) {
        return {};
    }
    std::size_t end = begin + 1;
    while (end < messages.size() && messages[end].find(kEnd) == std::string::npos) {
        ++end;
    }
    std::string tail;
    for (std::size_t i = std::max(begin + 1, end > maxLines ? end - maxLines : 0); i < end; ++i) {
        if (!tail.empty()) {
            tail += '\n';
        }
        tail += messages[i];
    }
    return tail;
}

}  // namespace netmon::capture
