// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/context.h"

#include <iostream>

#include "cli/app.h"
#include "core/paths.h"

namespace netmon::cli {

Context::Context(std::filesystem::path configPath, std::optional<CaptureMode> mode)
    : m_configPath(configPath.empty() ? defaultConfigPath() : std::move(configPath)),
      m_loaded(loadConfig(m_configPath, locateConfig(m_configPath))) {
    if (mode) {
        m_loaded.config.captureMode = *mode;
    }
}

std::filesystem::path Context::databasePath(const std::string& override) const {
    if (!override.empty()) {
        return override;
    }
    if (!m_loaded.config.databasePath.empty()) {
        return m_loaded.config.databasePath;
    }
    return defaultDatabasePath();
}

void Context::reportWarnings() const {
    for (const std::string& warning : m_loaded.warnings) {
        reportWarning(warning + " (" + m_configPath.string() + ")");
    }
}

int reportError(const Error& error) {
    std::cerr << "netmon: error: " << error.message << "\n";
    if (!error.hint.empty()) {
        std::cerr << "  hint: " << error.hint << "\n";
    }
    return kExitFailure;
}

void reportWarning(std::string_view warning) {
    std::cerr << "netmon: warning: " << warning << "\n";
}

void reportModeFallback(const ModeDecision& decision) {
    if (decision.fellBack && !decision.message.empty()) {
        reportWarning(decision.message);
    }
}

}  // namespace netmon::cli
