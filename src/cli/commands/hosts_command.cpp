// SPDX-License-Identifier: GPL-3.0-or-later
// `netmon hosts`: remote hosts by traffic, summed over their connections.
#include <memory>
#include <string>
#include <vector>

#include "cli/command.h"
#include "cli/commands/top_list_command.h"
#include "cli/json_views.h"
#include "core/model/host_stat.h"

namespace netmon::cli {
namespace {

std::string joined(const std::vector<std::string>& items) {
    std::string out;
    for (const std::string& item : items) {
        out += (out.empty() ? "" : ", ") + item;
    }
    return out;
}

}  // namespace

std::unique_ptr<Command> makeHostsCommand() {
    return std::make_unique<TopListCommand<HostStat>>(TopListCommand<HostStat>::Listing{
        .name = "hosts",
        .description = "Remote hosts by traffic over their connections",
        .rows = &Snapshot::hosts,
        .toJson = hostJson,
        .table = {.naming = {{"HOST"}, {"NAME"}},
                  .describing = {{"PROCESSES"}},
                  .namingCells =
                      [](const HostStat& host) {
                          return std::vector<std::string>{host.address.toString(), host.hostName};
                      },
                  .describingCells =
                      [](const HostStat& host) {
                          return std::vector<std::string>{joined(host.processes)};
                      },
                  .none = "No connections to remote hosts right now."},
    });
}

}  // namespace netmon::cli
