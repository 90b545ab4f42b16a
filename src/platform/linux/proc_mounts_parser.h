// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string_view>

namespace netmon::linux_platform {

// Whether the text of /proc/self/mounts has a filesystem of `type` mounted at `mountPoint`
// (fields: device, mount point, type, options, …; separated by spaces).
bool hasMount(std::string_view mountsText, std::string_view mountPoint, std::string_view type);

}  // namespace netmon::linux_platform
