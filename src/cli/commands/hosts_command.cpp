// SPDX-License-Identifier: GPL-3.0-or-later
// `netmon hosts`: remote hosts by traffic, summed over their connections.
#include <iostream>

#include "cli/app.h"
#include "cli/command.h"
#include "cli/commands/one_shot_sample.h"
#include "cli/commands/uncounted_note.h"
#include "cli/context.h"
#include "cli/json_views.h"
#include "cli/text_table.h"
#include "core/aggregator.h"
#include "core/format.h"

namespace netmon::cli {
namespace {

std::string joined(const std::vector<std::string>& items) {
    std::string out;
    for (const std::string& item : items) {
        out += (out.empty() ? "" : ", ") + item;
    }
    return out;
}

class HostsCommand final : public Command {
public:
    CLI::App* define(CLI::App& parent) override {
        CLI::App* command =
            parent.add_subcommand("hosts", "Remote hosts by traffic over their connections");
        command->add_flag("--json", m_json,
                          "One JSON array of hosts; bytes and rates are null where none of "
                          "the flows was counted, and bytes_complete/rates_complete false where "
                          "only some were (the number is then a lower bound)");
        command->add_option("--top", m_top, "Show this many (default 10)")
            ->check(CLI::PositiveNumber);
        addSampleOption(*command, m_sampleMs);
        return command;
    }

    int run(Context& context) override {
        const Snapshot snapshot = sampleOnce(context, std::chrono::milliseconds{m_sampleMs});
        const std::vector<HostStat> hosts = topN(snapshot.hosts, m_top);
        if (m_json) {
            context.out() << jsonText(jsonArray(hosts, hostJson), 2) << "\n";
            return kExitOk;
        }
        using Align = TextTable::Align;
        TextTable table({{"HOST"},
                         {"NAME"},
                         {"IN", Align::Right},
                         {"OUT", Align::Right},
                         {"IN RATE", Align::Right},
                         {"OUT RATE", Align::Right},
                         {"CONNS", Align::Right},
                         {"PROCESSES"}});
        const bool rates = m_sampleMs > 0;  // one reading has no interval to measure over
        for (const HostStat& host : hosts) {
            const bool complete = host.ratesComplete;
            table.addRow({host.address.toString(), host.hostName,
                          formatByteSum(host.bytesIn, host.bytesComplete),
                          formatByteSum(host.bytesOut, host.bytesComplete),
                          rates ? formatBitRateSum(host.inBitsPerSecond, complete) : "",
                          rates ? formatBitRateSum(host.outBitsPerSecond, complete) : "",
                          std::to_string(host.connections), joined(host.processes)});
        }
        if (table.empty()) {
            context.out() << "No connections to remote hosts right now.\n";
        } else {
            table.print(context.out());
            printUncountedNote(context.out(), hosts, snapshot.visibility);
        }
        return kExitOk;
    }

private:
    bool m_json = false;
    std::size_t m_top = 10;
    int m_sampleMs = 0;
};

}  // namespace

std::unique_ptr<Command> makeHostsCommand() {
    return std::make_unique<HostsCommand>();
}

}  // namespace netmon::cli
