// SPDX-License-Identifier: GPL-3.0-or-later
// `netmon processes`: processes by traffic over their connections.
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

class ProcessesCommand final : public Command {
public:
    CLI::App* define(CLI::App& parent) override {
        CLI::App* command =
            parent.add_subcommand("processes", "Processes by traffic over their connections");
        command->add_flag("--json", m_json,
                          "One JSON array of processes; bytes and rates are null where none of "
                          "the flows was counted, and bytes_complete/rates_complete false where "
                          "only some were (the number is then a lower bound)");
        command->add_option("--top", m_top, "Show this many (default 10)")
            ->check(CLI::PositiveNumber);
        addSampleOption(*command, m_sampleMs);
        return command;
    }

    int run(Context& context) override {
        const Snapshot snapshot = sampleOnce(context, std::chrono::milliseconds{m_sampleMs});
        const std::vector<ProcessStat> processes = topN(snapshot.processes, m_top);
        if (m_json) {
            context.out() << jsonText(jsonArray(processes, processJson), 2) << "\n";
            return kExitOk;
        }
        using Align = TextTable::Align;
        TextTable table({{"PID", Align::Right},
                         {"PROCESS"},
                         {"IN", Align::Right},
                         {"OUT", Align::Right},
                         {"IN RATE", Align::Right},
                         {"OUT RATE", Align::Right},
                         {"CONNS", Align::Right},
                         {"LISTEN", Align::Right},
                         {"EXECUTABLE"}});
        const bool rates = m_sampleMs > 0;  // one reading has no interval to measure over
        for (const ProcessStat& process : processes) {
            const bool complete = process.ratesComplete;
            table.addRow({process.pid == 0 ? "-" : std::to_string(process.pid), process.name,
                          formatByteSum(process.bytesIn, process.bytesComplete),
                          formatByteSum(process.bytesOut, process.bytesComplete),
                          rates ? formatBitRateSum(process.inBitsPerSecond, complete) : "",
                          rates ? formatBitRateSum(process.outBitsPerSecond, complete) : "",
                          std::to_string(process.connections), std::to_string(process.listening),
                          process.executable});
        }
        if (table.empty()) {
            context.out() << "No process has a connection right now.\n";
        } else {
            table.print(context.out());
            printUncountedNote(context.out(), processes, snapshot.visibility);
        }
        return kExitOk;
    }

private:
    bool m_json = false;
    std::size_t m_top = 10;
    int m_sampleMs = 0;
};

}  // namespace

std::unique_ptr<Command> makeProcessesCommand() {
    return std::make_unique<ProcessesCommand>();
}

}  // namespace netmon::cli
