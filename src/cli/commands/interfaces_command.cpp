// SPDX-License-Identifier: GPL-3.0-or-later
// `netmon interfaces`: every interface with its state and counter totals, read once.
#include "cli/app.h"
#include "cli/command.h"
#include "cli/commands/interface_visibility.h"
#include "cli/context.h"
#include "cli/json_views.h"
#include "cli/text_table.h"
#include "core/format.h"
#include "core/sources/interface_source.h"

namespace netmon::cli {
namespace {

std::string joined(const std::vector<std::string>& items) {
    std::string out;
    for (const std::string& item : items) {
        out += (out.empty() ? "" : " ") + item;
    }
    return out;
}

class InterfacesCommand final : public Command {
public:
    CLI::App* define(CLI::App& parent) override {
        CLI::App* command =
            parent.add_subcommand("interfaces", "List network interfaces with totals and state");
        command->add_flag("--json", m_json, "One JSON array, every interface with all counters");
        command->add_flag("--all", m_all,
                          "Also show loopback and virtual interfaces (veth, bridge, tunnel, "
                          "container)");
        return command;
    }

    int run(Context& context) override {
        const auto source = context.sources().makeInterfaceSource();
        auto interfaces = source->read();
        if (!interfaces) {
            return context.reportError(interfaces.error());
        }
        if (m_json) {
            nlohmann::json out = nlohmann::json::array();
            for (const InterfaceStat& interface : *interfaces) {
                if (isShown(interface, m_all, {})) {
                    out.push_back(interfaceJson(interface));
                }
            }
            context.out() << jsonText(out, 2) << "\n";
            return 0;
        }
        using Align = TextTable::Align;
        TextTable table({{"NAME"},
                         {"STATE"},
                         {"KIND"},
                         {"SPEED", Align::Right},
                         {"RX", Align::Right},
                         {"TX", Align::Right},
                         {"RX PKTS", Align::Right},
                         {"TX PKTS", Align::Right},
                         {"ADDRESSES"}});
        std::size_t hidden = 0;
        for (const InterfaceStat& interface : *interfaces) {
            if (!isShown(interface, m_all, {})) {
                ++hidden;
                continue;
            }
            table.addRow(
                {interface.name, std::string(toString(interface.state)),
                 std::string(toString(interface.kind)),
                 interface.speedMbps
                     ? formatBitRate(static_cast<double>(*interface.speedMbps) * 1e6)
                     : "-",
                 formatBytes(interface.counters.rxBytes), formatBytes(interface.counters.txBytes),
                 std::to_string(interface.counters.rxPackets),
                 std::to_string(interface.counters.txPackets), joined(interface.addresses)});
        }
        table.print(context.out());
        if (hidden > 0) {
            context.out() << "(" << hidden << " loopback/virtual interface"
                          << (hidden == 1 ? "" : "s") << " hidden; --all shows them)\n";
        }
        return 0;
    }

private:
    bool m_json = false;
    bool m_all = false;
};

}  // namespace

std::unique_ptr<Command> makeInterfacesCommand() {
    return std::make_unique<InterfacesCommand>();
}

}  // namespace netmon::cli
