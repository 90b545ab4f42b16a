// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <string>

#include "core/result.h"

namespace netmon::linux_platform {

// Reads a whole (small, virtual) file such as /proc/net/dev or a sysfs attribute. /proc files
// report size 0, so this reads until EOF instead of trusting stat(). `chunk` is the size of each
// read() call.
Result<std::string> readTextFile(const std::string& path, std::size_t chunk = 4096);

}  // namespace netmon::linux_platform
