// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/context.h"

#include "cli/app.h"
#include "core/visible_text.h"
#include "platform/paths.h"
#include "runtime/config_file.h"

namespace netmon::cli {

Context::Context(std::filesystem::path configPath, std::optional<CaptureMode> mode,
                 const SourceProvider& sources, const Output& output)
    : m_configPath(configPath.empty() ? defaultConfigPath() : std::move(configPath)),
      m_loaded(runtime::loadConfig(m_configPath, runtime::locateConfig(m_configPath))),
      m_sources(sources),
      m_output(output) {
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

protocol::ServiceClient* Context::service() const {
    if (!m_service) {
        m_service.emplace();
        if (m_socket && m_sources.connectService) {
            if (auto client = m_sources.connectService(*m_socket)) {
                *m_service = std::make_unique<protocol::ServiceClient>(std::move(*client));
            } else {
                m_serviceProblem = client.error().describe();
            }
        } else {
            m_serviceProblem = "not asked (--no-service)";
        }
    }
    return m_service->get();
}

std::string Context::serviceProblem() const {
    (void)service();  // asks once, which sets the problem
    return m_serviceProblem;
}

void Context::reportWarnings() const {
    for (const std::string& warning : m_loaded.warnings) {
        reportWarning(warning + " (" + m_configPath.string() + ")");
    }
}

int Context::reportError(const Error& error) const {
    return cli::reportError(err(), error);
}

void Context::reportWarning(std::string_view warning) const {
    err() << "netmon: warning: " << visibleText(warning) << "\n";
}

void Context::reportModeFallback(const ModeDecision& decision) const {
    if (!decision.message.empty()) {  // basic mode's reason, or why a fallback engine runs
        reportWarning(decision.message);
    }
}

// Messages embed names and paths from the system: escaped like table cells.
int reportError(std::ostream& err, const Error& error) {
    err << "netmon: error: " << visibleText(error.message) << "\n";
    if (!error.hint.empty()) {
        err << "  hint: " << visibleText(error.hint) << "\n";
    }
    return kExitFailure;
}

}  // namespace netmon::cli
