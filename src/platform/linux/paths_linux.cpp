// SPDX-License-Identifier: GPL-3.0-or-later
#include <pwd.h>
#include <unistd.h>

#include <cstdlib>
#include <optional>
#include <system_error>
#include <vector>

#include "platform/paths.h"

namespace netmon {
namespace {

// Per the XDG Base Directory spec, an unset, empty or relative value is ignored.
std::optional<std::filesystem::path> absoluteFromEnvironment(const char* variable) {
    const char* value = std::getenv(variable);
    if (value == nullptr || *value == '\0') {
        return std::nullopt;
    }
    std::filesystem::path path(value);
    if (!path.is_absolute()) {
        return std::nullopt;
    }
    return path;
}

std::filesystem::path homeDirectory() {
    if (auto home = absoluteFromEnvironment("HOME")) {
        return *home;
    }
    // No HOME (a systemd service, `env -i`): ask the password database.
    long size = ::sysconf(_SC_GETPW_R_SIZE_MAX);
    std::vector<char> buffer(size > 0 ? static_cast<std::size_t>(size) : 16384);
    passwd entry{};
    passwd* found = nullptr;
    if (::getpwuid_r(::geteuid(), &entry, buffer.data(), buffer.size(), &found) == 0 &&
        found != nullptr && found->pw_dir != nullptr && found->pw_dir[0] == '/') {
        return found->pw_dir;
    }
    // Nowhere better: the working directory, so at least the files land somewhere visible.
    std::error_code error;
    auto current = std::filesystem::current_path(error);
    return error ? std::filesystem::path(".") : current;
}

std::filesystem::path baseDirectory(const char* variable, const char* homeRelative) {
    if (auto base = absoluteFromEnvironment(variable)) {
        return *base;
    }
    return homeDirectory() / homeRelative;
}

}  // namespace

std::filesystem::path defaultConfigPath() {
    return baseDirectory("XDG_CONFIG_HOME", ".config") / "netmon" / "config.json";
}

std::filesystem::path defaultDatabasePath() {
    return baseDirectory("XDG_DATA_HOME", ".local/share") / "netmon" / "history.db";
}

namespace {

// A directory systemd made for the unit (StateDirectory= and friends), else the usual place.
std::filesystem::path serviceDirectory(const char* variable, const char* fallback) {
    if (auto directory = absoluteFromEnvironment(variable)) {
        // systemd may list several, separated by ':'; the first is the unit's own.
        const std::string text = directory->string();
        return std::filesystem::path(text.substr(0, text.find(':')));
    }
    return fallback;
}

}  // namespace

std::filesystem::path serviceConfigPath() {
    return serviceDirectory("CONFIGURATION_DIRECTORY", "/etc/netmon") / "netmond.json";
}

std::filesystem::path serviceDatabasePath() {
    return serviceDirectory("STATE_DIRECTORY", "/var/lib/netmon") / "history.db";
}

std::filesystem::path serviceSocketPath() {
    return serviceDirectory("RUNTIME_DIRECTORY", "/run/netmon") / "netmond.sock";
}

}  // namespace netmon
