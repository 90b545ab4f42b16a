// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

#include "core/result.h"

namespace netmon::linux_platform {

// Pure parsers of the per-process files under /proc/<pid>/.

// Field 22 of /proc/<pid>/stat: when the process started, in clock ticks after boot. Together
// with the pid it names one process: a reused pid has a later start time. The command name
// (field 2) may hold spaces and parentheses, so fields are counted after its last ')'.
Result<std::uint64_t> parseStartTime(std::string_view statText);

// The "Uid:" line of /proc/<pid>/status: real, effective, saved and filesystem uid.
struct ProcessUids {
    std::array<std::uint32_t, 4> ids{};
    [[nodiscard]] std::uint32_t effective() const { return ids[1]; }
    [[nodiscard]] bool has(std::uint32_t uid) const {
        return ids[0] == uid || ids[1] == uid || ids[2] == uid || ids[3] == uid;
    }
};
Result<ProcessUids> parseUids(std::string_view statusText);

// The inode of a /proc/<pid>/fd/<n> link target "socket:[12345]"; nullopt for anything else
// (files, pipes, anon_inode:…).
std::optional<std::uint64_t> parseSocketLink(std::string_view target);

}  // namespace netmon::linux_platform
