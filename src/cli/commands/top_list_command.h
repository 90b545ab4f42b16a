// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <CLI/CLI.hpp>
#include <chrono>
#include <cstddef>
#include <iostream>
#include <string>
#include <utility>
#include <vector>

#include "cli/app.h"
#include "cli/command.h"
#include "cli/commands/one_shot_sample.h"
#include "cli/context.h"
#include "cli/json_views.h"
#include "cli/top_table.h"
#include "core/aggregator.h"
#include "core/model/snapshot.h"

namespace netmon::cli {

// `netmon hosts` and `netmon processes`: the first `--top` of a snapshot's list (already sorted
// by bytes, most first), from one reading or two (`--sample`), as a table or a JSON array.
template <typename Stat>
class TopListCommand final : public Command {
public:
    // What sets one such command apart from the other.
    struct Listing {
        const char* name;  // the subcommand, and what its JSON array holds: "hosts"
        const char* description;
        std::vector<Stat> Snapshot::*rows;
        nlohmann::json (*toJson)(const Stat&);
        TopTableLayout<Stat> table;
    };

    explicit TopListCommand(Listing listing) : m_listing(std::move(listing)) {}

    CLI::App* define(CLI::App& parent) override {
        CLI::App* command = parent.add_subcommand(m_listing.name, m_listing.description);
        command->add_flag("--json", m_json,
                          std::string("One JSON array of ") + m_listing.name +
                              "; bytes and rates are null where none of the flows was counted, "
                              "and bytes_complete/rates_complete false where only some were (the "
                              "number is then a lower bound)");
        command->add_option("--top", m_top, "Show this many (default 10)")
            ->check(CLI::PositiveNumber);
        addSampleOption(*command, m_sampleMs);
        return command;
    }

    int run(Context& context) override {
        const Snapshot snapshot = sampleOnce(context, std::chrono::milliseconds{m_sampleMs});
        const std::vector<Stat> rows = topN(snapshot.*m_listing.rows, m_top);
        if (m_json) {
            context.out() << jsonText(
                                 withSource(jsonArray(rows, m_listing.toJson), context.source()), 2)
                          << "\n";
        } else {
            printTopTable(context.out(), rows, m_listing.table, m_sampleMs > 0,
                          snapshot.visibility);
        }
        return kExitOk;
    }

private:
    Listing m_listing;
    bool m_json = false;
    std::size_t m_top = 10;
    int m_sampleMs = 0;
};

}  // namespace netmon::cli
