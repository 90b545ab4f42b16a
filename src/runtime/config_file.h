// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <filesystem>

#include "core/config.h"
#include "core/result.h"

namespace netmon::runtime {

// The settings file: reading it (bounded, refusing what is not ours) and saving it atomically,
// with the platform's file operations. Parsing and checking the values is core's parseConfig.

// Whose file it is: our default settings file in our folder (damaged, it is ours to set
// aside), or a path the user gave (`--config`), which is never moved.
enum class ConfigLocation : std::uint8_t { Default, Given };
// Default when `path` is our default settings file (defaultConfigPath()), whoever named it.
ConfigLocation locateConfig(const std::filesystem::path& path);

// Reads the JSON file, at most 1 MiB. A missing file gives defaults; a bad value gets its
// default and a warning. At the Default location a file that is not a JSON object is renamed
// to "<name>.corrupt-<time>" (kept, private, never overwritten) and the defaults are used.
// Anything else that is not clearly our settings is `refused` and left alone.
LoadedConfig loadConfig(const std::filesystem::path& path, ConfigLocation location);

// Writes atomically (writeFileAtomically): private (0600), a symlinked file stays a link.
Result<void> saveConfig(const Config& config, const std::filesystem::path& path);

}  // namespace netmon::runtime
