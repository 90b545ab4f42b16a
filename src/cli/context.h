// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/config.h"
#include "core/mode_selection.h"
#include "core/result.h"

namespace netmon::cli {

// What every command shares: the settings file and where things live.
class Context {
public:
    // Loads the settings (missing file: defaults); warnings are printed by reportWarnings().
    // `mode`, when given (`--mode`), replaces the settings' capture mode for this run.
    Context(std::filesystem::path configPath, std::optional<CaptureMode> mode);

    [[nodiscard]] const Config& config() const { return m_loaded.config; }
    [[nodiscard]] const LoadedConfig& loadedConfig() const { return m_loaded; }
    [[nodiscard]] const std::filesystem::path& configPath() const { return m_configPath; }
    // `override` if given on the command line, else the settings' path, else the OS default.
    [[nodiscard]] std::filesystem::path databasePath(const std::string& override) const;

    void reportWarnings() const;

private:
    std::filesystem::path m_configPath;
    LoadedConfig m_loaded;
};

// "netmon: error: <message>\n  hint: <hint>" on stderr; returns kExitFailure.
int reportError(const Error& error);
void reportWarning(std::string_view warning);
// The reason basic mode runs instead of deep mode (or libpcap instead of eBPF), on stderr,
// when there is one.
void reportModeFallback(const ModeDecision& decision);

}  // namespace netmon::cli
