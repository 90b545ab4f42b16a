// SPDX-License-Identifier: GPL-3.0-or-later
#include "platform/linux/proc_mounts_parser.h"

#include <algorithm>
#include <array>

namespace netmon::linux_platform {
namespace {

// Splits off the next space-separated field. Mount points with spaces are written as "\040"
// by the kernel, so a space always separates fields.
std::string_view nextField(std::string_view& line) {
    while (!line.empty() && line.front() == ' ') {
        line.remove_prefix(1);
    }
    const std::size_t end = std::min(line.find(' '), line.size());
    const std::string_view field = line.substr(0, end);
    line.remove_prefix(end);
    return field;
}

}  // namespace

bool hasMount(std::string_view mountsText, std::string_view mountPoint, std::string_view type) {
    while (!mountsText.empty()) {
        const std::size_t newline = std::min(mountsText.find('\n'), mountsText.size());
        std::string_view line = mountsText.substr(0, newline);
        mountsText.remove_prefix(std::min(newline + 1, mountsText.size()));
        std::array<std::string_view, 3> fields{};
        for (auto& field : fields) {
            field = nextField(line);
        }
        if (fields[1] == mountPoint && fields[2] == type) {
            return true;
        }
    }
    return false;
}

}  // namespace netmon::linux_platform
