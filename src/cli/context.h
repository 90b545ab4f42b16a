// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <filesystem>
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
};

// As Context::reportError, for a failure before or outside any context.
int reportError(std::ostream& err, const Error& error);

}  // namespace netmon::cli
