// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <filesystem>
#include <functional>
#include <initializer_list>
#include <string>
#include <string_view>

#include "core/result.h"

namespace netmon::service {

// Before netmond opens `path` (and `path` + each suffix: "-wal", "-shm" …): when it is the
// service's default location `defaultPath`, makes its folder safe and checks each file
// (platform/service_folder.h); what was fixed goes to `log`. A path given with --config or --db
// is the caller's choice and is left to the rules every file of ours follows.
Result<void> secureIfServiceDefault(const std::filesystem::path& path,
                                    const std::filesystem::path& defaultPath,
                                    std::initializer_list<std::string_view> suffixes,
                                    const std::function<void(const std::string&)>& log);

}  // namespace netmon::service
