// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <filesystem>

#include "core/result.h"
#include "storage/history_types.h"

namespace netmon::storage {

// Renames a damaged database to "<name>.corrupt-YYYYmmdd-HHMMSS" (core's moveAside) and its
// -wal and -shm companions along with it, keeping every byte so nothing recorded is lost.
// Returns the new path of the main file.
Result<std::filesystem::path> moveCorruptAside(const std::filesystem::path& path, TimePoint now);

}  // namespace netmon::storage
