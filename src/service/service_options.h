// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

namespace netmon::service {

// netmond's command line: where its files are and who may ask it. Defaults are the system's
// (platform/paths.h: serviceConfigPath() …); tests and packagers give their own.
struct ServiceOptions {
    bool foreground = false;  // Windows: a console program instead of under the service manager
    std::filesystem::path socket;
    std::filesystem::path database;  // empty: the settings' database_path, else the default
    std::filesystem::path config;
    std::string group = "netmon";  // members see everything and may change the settings
    std::uint32_t socketMode = 0660;
};

}  // namespace netmon::service
