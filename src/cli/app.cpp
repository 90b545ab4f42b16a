// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/app.h"

#include <exception>
#include <iostream>

#include "cli/command.h"
#include "cli/context.h"
#include "cli/source_provider.h"
#include "platform/paths.h"
#include "platform/stop_signal.h"

namespace netmon::cli {

int runApp(int argc, char** argv) {
    ignoreBrokenPipes();  // a reader that goes away ends a run normally (filters removed)
    return runApp(argc, argv, realSources(), Output{std::cout, std::cerr, stdoutIsTerminal()});
}

int runApp(int argc, const char* const* argv, const SourceProvider& sources, const Output& output) {
    CLI::App app{"Network Monitor: what this machine's network is doing now and did before.",
                 "netmon"};
    app.set_version_flag("--version", std::string("netmon ") + NETMON_VERSION);
    std::string configPath;
    app.add_option("--config", configPath, "Settings file (default: the user's config folder)");
    std::string mode;
    app.add_option("--mode", mode,
                   "Capture mode for this run, instead of the settings': auto (deep where this "
                   "machine allows it), basic (no admin rights) or deep (every packet; admin)")
        ->check(CLI::IsMember({"auto", "basic", "deep"}));
    std::string socket = serviceSocketPath().string();
    app.add_option("--socket", socket,
                   "Where to ask netmond, the service, for live data and history (default: "
                   "the system's). When it answers, commands show its data (deep mode where it "
                   "has it, all its history); else they sample in-process as before");
    bool noService = false;
    app.add_flag("--no-service", noService,
                 "Sample in-process and read your own database even when netmond runs");
    app.require_subcommand(1);
    app.footer(
        "Exit status: 0 ok, 1 run-time failure, 2 usage error. A reader that closes the output "
        "early (netmon watch | head) ends a run normally, with status 0.");

    std::vector<std::unique_ptr<Command>> commands;
    commands.push_back(makeInterfacesCommand());
    commands.push_back(makeWatchCommand());
    commands.push_back(makeConnectionsCommand());
    commands.push_back(makeHostsCommand());
    commands.push_back(makeProcessesCommand());
    commands.push_back(makeRecordCommand());
    commands.push_back(makeHistoryCommand());
    commands.push_back(makeUsageCommand());
    commands.push_back(makeSettingsCommand());
    commands.push_back(makeDoctorCommand());
    std::vector<std::pair<CLI::App*, Command*>> parsers;
    for (const auto& command : commands) {
        parsers.emplace_back(command->define(app), command.get());
    }

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& error) {
        const int status = app.exit(error, output.out, output.err);
        // --help and --version are successes; everything else is a usage error.
        return status == 0 ? kExitOk : kExitUsage;
    }

    // Errors are values; this catches what slipped through anyway (a library's exception on
    // input nobody foresaw), so the run ends as any failure does — message, hint, exit 1 —
    // instead of std::terminate's abort.
    try {
        Context context(configPath, mode.empty() ? std::nullopt : parseCaptureMode(mode), sources,
                        output);
        context.reportWarnings();
        if (!noService) {
            context.useService(std::filesystem::path(socket));
        }
        if (const std::optional<Error>& refused = context.loadedConfig().refused) {
            // a file not ours: say so rather than run on defaults
            return context.reportError(*refused);
        }
        for (const auto& [parser, command] : parsers) {
            if (parser->parsed()) {
                return command->run(context);
            }
        }
    } catch (const std::exception& error) {
        return reportError(output.err,
                           {std::string("unexpected failure: ") + error.what(),
                            "please report this as a bug, with the command that failed"});
    }
    return kExitUsage;
}

}  // namespace netmon::cli
