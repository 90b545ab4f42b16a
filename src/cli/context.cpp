// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/context.h"

#include <iostream>

#include "cli/app.h"
#include "core/visible_text.h"
#include "platform/paths.h"
#include "runtime/config_file.h"

namespace netmon::cli {

Context::Context(std::filesystem::path configPath, std::optional<CaptureMode> mode)
    : m_configPath(configPath.empty() ? defaultConfigPath() : std::move(configPath)),
      m_loaded(runtime::loadConfig(m_configPath, runtime::locateConfig(m_configPath))) {
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

// Messages embed names and paths from the system: escaped like table cells.
int reportError(const Error& error) {
    std::cerr << "netmon: error: " << visibleText(error.message) << "\n";
    if (!error.hint.empty()) {
        std::cerr << "  hint: " << visibleText(error.hint) << "\n";
    }
    return kExitFailure;
}

void reportWarning(std::string_view warning) {
    std::cerr << "netmon: warning: " << visibleText(warning) << "\n";
}

void reportModeFallback(const ModeDecision& decision) {
    if (!decision.message.empty()) {  // basic mode's reason, or why a fallback engine runs
        reportWarning(decision.message);
    }
}

}  // namespace netmon::cli
