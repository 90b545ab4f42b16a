// SPDX-License-Identifier: GPL-3.0-or-later
// `netmon history`: stored traffic per interface over a time range, at a chosen resolution.
#include <chrono>
#include <map>
#include <ostream>

#include "cli/app.h"
#include "cli/command.h"
#include "cli/context.h"
#include "cli/history_access.h"
#include "cli/json_views.h"
#include "cli/text_table.h"
#include "core/format.h"
#include "core/time_text.h"
#include "core/visible_text.h"
#include "platform/calendar.h"
#include "platform/local_time_text.h"

namespace netmon::cli {
namespace {

class HistoryCommand final : public Command {
public:
    CLI::App* define(CLI::App& parent) override {
        CLI::App* command =
            parent.add_subcommand("history", "Show recorded traffic over a time range");
        command->add_option("--db", m_database, "History database (default: from the settings)");
        command->add_option("--iface", m_interface, "Only this interface");
        command
            ->add_option("--since", m_since,
                         "Start: now, today, yesterday, -24h, -7d, 2026-11-26, "
                         "2026-11-26T10:00 (local) or @unix-seconds")
            ->default_str("-24h");
        command->add_option("--until", m_until, "End (exclusive), same forms as --since")
            ->default_str("now");
        command->add_option("--resolution", m_resolution, "raw, minute, hour or day")
            ->check(CLI::IsMember({"raw", "minute", "hour", "day"}))
            ->default_str("hour");
        command
            ->add_option("--by", m_by,
                         "interface: traffic per interface over time (default); host or "
                         "process: totals per remote host or per process over the range "
                         "(whole hours), most first, then \"other\": those beyond the top "
                         "N kept per hour (setting history_top_n)")
            ->check(CLI::IsMember({"interface", "host", "process"}));
        command->add_option("--top", m_top, "With --by host/process: how many (default 20)")
            ->check(CLI::PositiveNumber);
        command->add_flag("--json", m_json, "One JSON array of rows with exact byte counts");
        return command;
    }

    int run(Context& context) override {
        const auto now = std::chrono::system_clock::now();
        auto since = parseTimeArgument(m_since, now, localDayStart);
        auto until = parseTimeArgument(m_until, now, localDayStart);
        if (!since || !until) {
            context.reportError(since ? until.error() : since.error());
            return kExitUsage;
        }
        if (*until <= *since) {
            context.reportError({"--until must be after --since", "e.g. --since -7d --until now"});
            return kExitUsage;
        }
        auto reader = openHistory(context, m_database);
        if (!reader) {
            return context.reportError(reader.error());
        }
        if (m_by != "interface") {
            return showBreakdown(context, **reader, *since, *until);
        }
        storage::HistoryQuery query;
        if (!m_interface.empty()) {
            query.interfaceName = m_interface;
        }
        query.since = *since;
        query.until = *until;
        query.resolution =
            storage::parseResolution(m_resolution).value_or(storage::Resolution::Hour);
        auto rows = (*reader)->query(query);
        if (!rows) {
            return context.reportError(rows.error());
        }
        if (m_json) {
            context.out() << jsonText(
                                 withSource(jsonArray(*rows, historyRowJson), (*reader)->source()),
                                 2)
                          << "\n";
            return 0;
        }
        printTable(context.out(), *rows);
        return 0;
    }

private:
    int showBreakdown(const Context& context, HistoryAccess& reader, storage::TimePoint since,
                      storage::TimePoint until) const {
        const storage::Breakdown dimension =
            m_by == "host" ? storage::Breakdown::Host : storage::Breakdown::Process;
        auto rows = reader.breakdown({dimension, since, until, m_top});
        if (!rows) {
            return context.reportError(rows.error());
        }
        std::ostream& out = context.out();
        if (m_json) {
            out << jsonText(withSource(jsonArray(*rows, breakdownRowJson), reader.source()), 2)
                << "\n";
            return kExitOk;
        }
        using Align = TextTable::Align;
        TextTable table({{dimension == storage::Breakdown::Host ? "HOST" : "PROCESS"},
                         {"IN", Align::Right},
                         {"OUT", Align::Right},
                         {"TOTAL", Align::Right}});
        bool other = false;
        for (const storage::BreakdownRow& row : *rows) {
            table.addRow({row.name, formatBytes(row.bytesIn), formatBytes(row.bytesOut),
                          formatBytes(row.bytesIn + row.bytesOut)});
            other = other || row.other;
        }
        if (table.empty()) {
            out << "No per-" << m_by << " traffic recorded in this range.\n";
        } else {
            table.print(out);
        }
        if (other) {
            out << "other: the " << m_by
                << "s beyond the top N that history keeps per hour (setting "
                   "history_top_n)\n";
        }
        return kExitOk;
    }

    static void printTable(std::ostream& out, const std::vector<storage::HistoryRow>& rows) {
        using Align = TextTable::Align;
        TextTable table({{"START"},
                         {"INTERFACE"},
                         {"RX", Align::Right},
                         {"TX", Align::Right},
                         {"RX PKTS", Align::Right},
                         {"TX PKTS", Align::Right}});
        std::map<std::string, std::pair<std::uint64_t, std::uint64_t>> totals;
        for (const storage::HistoryRow& row : rows) {
            table.addRow({formatLocalTime(row.start), row.interfaceName, formatBytes(row.rxBytes),
                          formatBytes(row.txBytes), std::to_string(row.rxPackets),
                          std::to_string(row.txPackets)});
            totals[row.interfaceName].first += row.rxBytes;
            totals[row.interfaceName].second += row.txBytes;
        }
        if (table.empty()) {
            out << "No traffic recorded in this range.\n";
            return;
        }
        table.print(out);
        for (const auto& [name, total] : totals) {
            out << "total " << visibleText(name) << ": received " << formatBytes(total.first)
                << ", sent " << formatBytes(total.second) << "\n";
        }
    }

    std::string m_database;
    std::string m_interface;
    std::string m_since = "-24h";
    std::string m_until = "now";
    std::string m_resolution = "hour";
    std::string m_by = "interface";
    std::size_t m_top = 20;
    bool m_json = false;
};

}  // namespace

std::unique_ptr<Command> makeHistoryCommand() {
    return std::make_unique<HistoryCommand>();
}

}  // namespace netmon::cli
