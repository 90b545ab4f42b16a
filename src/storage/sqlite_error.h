// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <filesystem>
#include <string_view>

#include "core/result.h"

namespace netmon::storage {

// "Could not <what> <path>: <SQLite message> (code)" with a hint chosen by the result code.
Error sqliteError(int code, std::string_view sqliteMessage, std::string_view what,
                  const std::filesystem::path& path);

}  // namespace netmon::storage
