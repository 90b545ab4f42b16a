// SPDX-License-Identifier: GPL-3.0-or-later
#include "runtime/config_file.h"

#include <chrono>
#include <string>
#include <utility>

#include "platform/file_io.h"
#include "platform/paths.h"

namespace netmon::runtime {

ConfigLocation locateConfig(const std::filesystem::path& path) {
    return sameLocation(path, defaultConfigPath()) ? ConfigLocation::Default
                                                   : ConfigLocation::Given;
}

LoadedConfig loadConfig(const std::filesystem::path& path, ConfigLocation location) {
    LoadedConfig loaded;
    const PathKind kind = pathKind(path);
    if (kind == PathKind::Missing) {
        return loaded;  // defaults; a save creates it
    }
    loaded.fileExisted = true;
    const auto refuse = [&](std::string why, std::string hint) {
        loaded.refused = Error{"The settings file " + path.string() + " " + why +
                                   "; it was left alone and will not be saved over",
                               std::move(hint)};
        loaded.warnings.clear();
        return loaded;
    };
    if (kind == PathKind::Inaccessible && location == ConfigLocation::Default) {
        // Our usual place, out of this user's reach (say, a capability-only run whose HOME is
        // another user's): run on the defaults and say so, as when the file is missing.
        loaded.warnings.push_back(notARegularFile(path, kind, "the settings file").message +
                                  "; the defaults are in use");
        return loaded;
    }
    if (kind != PathKind::RegularFile) {
        loaded.refused = notARegularFile(path, kind, "The settings file");
        return loaded;
    }
    auto text = readWholeFile(path);
    if (!text) {
        return refuse("could not be read (" + text.error().message + ")", text.error().hint);
    }
    const bool ours = location == ConfigLocation::Default;
    LoadedConfig parsed = parseConfig(*text);
    parsed.fileExisted = true;
    if (parsed.notJson && ours) {
        // Our own file in our folder, damaged: keep it for the user and start from the
        // defaults; a later save must not overwrite it.
        auto aside = moveAside(path, std::chrono::system_clock::now());
        parsed.warnings.clear();
        parsed.warnings.push_back(
            aside ? "the settings file " + path.string() + " is not valid JSON; it was kept as " +
                        aside->string() + " and the defaults are in use"
                  : "the settings file " + path.string() +
                        " is not valid JSON and could not be set aside (" +
                        aside.error().describe() + "); the defaults are in use");
        return parsed;
    }
    // A path the user gave is never moved: it may be any file (run with sudo, /etc/passwd).
    if (parsed.notJson) {
        return refuse("is not a JSON object, so not Network Monitor's settings",
                      "check the --config path, or fix the file's JSON");
    }
    if (!ours && !parsed.hasOurKeys) {
        return refuse("is a JSON object without any of Network Monitor's settings",
                      "check the --config path (the settings have a \"version\" key)");
    }
    return parsed;
}

Result<void> saveConfig(const Config& config, const std::filesystem::path& path) {
    return writeFileAtomically(path, serializeConfig(config));
}

}  // namespace netmon::runtime
