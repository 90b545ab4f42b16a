// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "cli/source_provider.h"
#include "core/config.h"
#include "core/mode_selection.h"
#include "core/result.h"

namespace netmon::cli {

// Where a run prints: the program's stdout and stderr, or a test's strings.
struct Output {
    std::ostream& out;
    std::ostream& err;
    bool outIsTerminal = false;  // `watch` redraws in place only on a terminal
};

// What every command shares: the settings file and where things live, the sources it reads
// the machine through, and where it prints.
class Context {
public:
    // Loads the settings (missing file: defaults); warnings are printed by reportWarnings().
    // `mode`, when given (`--mode`), replaces the settings' capture mode for this run.
    Context(std::filesystem::path configPath, std::optional<CaptureMode> mode,
            const SourceProvider& sources, const Output& output);

    [[nodiscard]] const Config& config() const { return m_loaded.config; }
    [[nodiscard]] const LoadedConfig& loadedConfig() const { return m_loaded; }
    [[nodiscard]] const std::filesystem::path& configPath() const { return m_configPath; }
    // `override` if given on the command line, else the settings' path, else the OS default.
    [[nodiscard]] std::filesystem::path databasePath(const std::string& override) const;

    [[nodiscard]] const SourceProvider& sources() const { return m_sources; }
    // Ask the service at `socket` (--socket, default the system's) before sampling in-process;
    // none: never (--no-service).
    void useService(std::optional<std::filesystem::path> socket) { m_socket = std::move(socket); }
    // The service, when one answers; asked once per run. Null: the run samples in-process and
    // reads the user's own database, as without a service.
    [[nodiscard]] protocol::ServiceClient* service() const;
    // "service" or "local": where this run's figures come from, for the JSON's "source".
    [[nodiscard]] const char* source() const { return service() != nullptr ? "service" : "local"; }
    // Why service() is null: not asked (--no-service), or what connecting said.
    [[nodiscard]] std::string serviceProblem() const;
    [[nodiscard]] std::ostream& out() const { return m_output.out; }
    [[nodiscard]] std::ostream& err() const { return m_output.err; }
    [[nodiscard]] bool outIsTerminal() const { return m_output.outIsTerminal; }

    void reportWarnings() const;
    // "netmon: error: <message>\n  hint: <hint>" on err(); returns kExitFailure.
    int reportError(const Error& error) const;
    void reportWarning(std::string_view warning) const;
    // The reason basic mode runs instead of deep mode (or libpcap instead of eBPF), on err(),
    // when there is one.
    void reportModeFallback(const ModeDecision& decision) const;

private:
    std::filesystem::path m_configPath;
    LoadedConfig m_loaded;
    const SourceProvider& m_sources;
    Output m_output;
    std::optional<std::filesystem::path> m_socket;
    mutable std::optional<std::unique_ptr<protocol::ServiceClient>> m_service;  // once asked
    mutable std::string m_serviceProblem;
};

// As Context::reportError, for a failure before or outside any context.
int reportError(std::ostream& err, const Error& error);

}  // namespace netmon::cli
