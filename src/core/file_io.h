// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>
#include <filesystem>
#include <string>
#include <string_view>

#include "core/result.h"

namespace netmon {

// Replaces `path` with `content` so that a crash or power cut leaves either the old file or the
// new one, never a mix: a temporary file beside it, flushed to disk, then renamed over it.
// Creates missing parent folders. Defined by the platform library (the flush and rename differ).
Result<void> writeFileAtomically(const std::filesystem::path& path, std::string_view content);

// The whole file; an error (not an empty string) when it cannot be read.
Result<std::string> readWholeFile(const std::filesystem::path& path);

// Renames `path` to "<path>.corrupt-<UTC stamp>" so a damaged file is kept for the user, never
// overwritten; returns the new name.
Result<std::filesystem::path> moveAside(const std::filesystem::path& path,
                                        std::chrono::system_clock::time_point now);

}  // namespace netmon
