// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <CLI/CLI.hpp>
#include <memory>
#include <vector>

namespace netmon::cli {

class Context;

// One subcommand: declares its options on the parser, then runs with what was parsed.
class Command {
public:
    virtual ~Command() = default;
    // Adds the subcommand to `parent` and returns it.
    virtual CLI::App* define(CLI::App& parent) = 0;
    // Returns the process exit status.
    virtual int run(Context& context) = 0;
};

std::unique_ptr<Command> makeInterfacesCommand();
std::unique_ptr<Command> makeWatchCommand();
std::unique_ptr<Command> makeRecordCommand();
std::unique_ptr<Command> makeHistoryCommand();
std::unique_ptr<Command> makeUsageCommand();
std::unique_ptr<Command> makeDoctorCommand();
std::unique_ptr<Command> makeConnectionsCommand();
std::unique_ptr<Command> makeHostsCommand();
std::unique_ptr<Command> makeProcessesCommand();
std::unique_ptr<Command> makeSettingsCommand();

}  // namespace netmon::cli
