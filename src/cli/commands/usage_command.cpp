// SPDX-License-Identifier: GPL-3.0-or-later
// `netmon usage`: today's and this month's totals per interface (local calendar), as vnStat
// users look for when watching a data cap.
#include "cli/app.h"
#include "cli/command.h"
#include "cli/context.h"
#include "cli/history_access.h"
#include "cli/json_views.h"
#include "cli/text_table.h"
#include "core/format.h"

namespace netmon::cli {
namespace {

class UsageCommand final : public Command {
public:
    CLI::App* define(CLI::App& parent) override {
        CLI::App* command = parent.add_subcommand(
            "usage", "Today's and this month's received and sent totals per interface");
        command->add_option("--db", m_database, "History database (default: from the settings)");
        command->add_flag("--json", m_json, "One JSON array with exact byte counts");
        return command;
    }

    int run(Context& context) override {
        auto reader = openHistory(context, m_database);
        if (!reader) {
            return context.reportError(reader.error());
        }
        auto usage = (*reader)->usage(std::chrono::system_clock::now());
        if (!usage) {
            return context.reportError(usage.error());
        }
        if (m_json) {
            context.out() << jsonText(withSource(jsonArray(*usage, usageJson), (*reader)->source()),
                                      2)
                          << "\n";
            return 0;
        }
        using Align = TextTable::Align;
        TextTable table({{"INTERFACE"},
                         {"TODAY RX", Align::Right},
                         {"TODAY TX", Align::Right},
                         {"MONTH RX", Align::Right},
                         {"MONTH TX", Align::Right},
                         {"MONTH TOTAL", Align::Right}});
        for (const storage::UsageTotals& totals : *usage) {
            table.addRow({totals.interfaceName, formatBytes(totals.todayRxBytes),
                          formatBytes(totals.todayTxBytes), formatBytes(totals.monthRxBytes),
                          formatBytes(totals.monthTxBytes),
                          formatBytes(totals.monthRxBytes + totals.monthTxBytes)});
        }
        if (table.empty()) {
            context.out() << "No traffic recorded this month yet (netmon record stores it).\n";
            return 0;
        }
        table.print(context.out());
        return 0;
    }

private:
    std::string m_database;
    bool m_json = false;
};

}  // namespace

std::unique_ptr<Command> makeUsageCommand() {
    return std::make_unique<UsageCommand>();
}

}  // namespace netmon::cli
