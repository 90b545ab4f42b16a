// SPDX-License-Identifier: GPL-3.0-or-later
// `netmon processes`: processes by traffic over their connections.
#include <memory>
#include <string>
#include <vector>

#include "cli/command.h"
#include "cli/commands/top_list_command.h"
#include "cli/json_views.h"
#include "core/model/process_stat.h"

namespace netmon::cli {

std::unique_ptr<Command> makeProcessesCommand() {
    using Align = TextTable::Align;
    return std::make_unique<TopListCommand<ProcessStat>>(TopListCommand<ProcessStat>::Listing{
        .name = "processes",
        .description = "Processes by traffic over their connections",
        .rows = &Snapshot::processes,
        .toJson = processJson,
        .table = {.naming = {{"PID", Align::Right}, {"PROCESS"}},
                  .describing = {{"LISTEN", Align::Right}, {"EXECUTABLE"}},
                  .namingCells =
                      [](const ProcessStat& process) {
                          return std::vector<std::string>{
                              process.pid == 0 ? "-" : std::to_string(process.pid), process.name};
                      },
                  .describingCells =
                      [](const ProcessStat& process) {
                          return std::vector<std::string>{std::to_string(process.listening),
                                                          process.executable};
                      },
                  .none = "No process has a connection right now."},
    });
}

}  // namespace netmon::cli
