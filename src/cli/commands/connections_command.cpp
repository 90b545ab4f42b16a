// SPDX-License-Identifier: GPL-3.0-or-later
// `netmon connections`: open flows (or listening sockets) with their process and bytes.
#include <algorithm>
#include <ostream>

#include "cli/app.h"
#include "cli/command.h"
#include "cli/commands/one_shot_sample.h"
#include "cli/context.h"
#include "cli/json_views.h"
#include "cli/text_table.h"
#include "core/format.h"

namespace netmon::cli {
namespace {

std::string lowered(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

std::string endpoint(const IpAddress& address, std::uint16_t port) {
    return address.isV6() ? "[" + address.toString() + "]:" + std::to_string(port)
                          : address.toString() + ":" + std::to_string(port);
}

std::string ownerText(const FlowStat& flow) {
    switch (flow.owner) {
        case OwnerVisibility::Known:
            return flow.processName + " (" + std::to_string(flow.pid.value_or(0)) + ")";
        case OwnerVisibility::NeedsAdmin:
            return "unknown — needs admin";
        case OwnerVisibility::NoOwner:
            break;
    }
    return "-";
}

class ConnectionsCommand final : public Command {
public:
    CLI::App* define(CLI::App& parent) override {
        CLI::App* command = parent.add_subcommand(
            "connections", "List open connections with their process and bytes");
        command->add_flag("--json", m_json, "One JSON array of flows");
        command->add_option("--proto", m_protocol, "Only tcp or udp")
            ->check(CLI::IsMember({"tcp", "udp"}));
        command->add_option("--state", m_state, "Only this state (e.g. ESTABLISHED, TIME_WAIT)");
        command->add_option("--process", m_process, "Only processes whose name contains this");
        command->add_flag("--listening", m_listening,
                          "List listening sockets (and unconnected UDP) instead of flows");
        addSampleOption(*command, m_sampleMs);
        return command;
    }

    int run(Context& context) override {
        const Snapshot snapshot = sampleOnce(context, std::chrono::milliseconds{m_sampleMs});
        std::vector<const FlowStat*> shown;
        for (const FlowStat& flow : snapshot.flows) {
            if (matches(flow)) {
                shown.push_back(&flow);
            }
        }
        if (m_json) {
            const nlohmann::json rows =
                jsonArray(shown, [](const FlowStat* flow) { return flowJson(*flow); });
            context.out() << jsonText(withSource(rows, context.source()), 2) << "\n";
            return kExitOk;
        }
        printTable(context.out(), shown, snapshot.visibility);
        return kExitOk;
    }

private:
    [[nodiscard]] bool matches(const FlowStat& flow) const {
        if (flow.listening != m_listening) {
            return false;
        }
        if (!m_protocol.empty() && toString(flow.key.protocol) != m_protocol) {
            return false;
        }
        if (!m_state.empty() && lowered(flow.state) != lowered(m_state)) {
            return false;
        }
        return m_process.empty() ||
               lowered(flow.processName).find(lowered(m_process)) != std::string::npos;
    }

    void printTable(std::ostream& out, const std::vector<const FlowStat*>& flows,
                    const Visibility& visibility) const {
        using Align = TextTable::Align;
        TextTable table({{"PROTO"},
                         {"LOCAL"},
                         {m_listening ? "" : "REMOTE"},
                         {"STATE"},
                         {"SERVICE"},
                         {"PROCESS"},
                         {"IN", Align::Right},
                         {"OUT", Align::Right},
                         {"IN RATE", Align::Right},
                         {"OUT RATE", Align::Right},
                         {"HOST"}});
        for (const FlowStat* flow : flows) {
            table.addRow(
                {std::string(toString(flow->key.protocol)),
                 endpoint(flow->key.localAddress, flow->key.localPort),
                 m_listening ? "" : endpoint(flow->key.remoteAddress, flow->key.remotePort),
                 flow->state, flow->service, ownerText(*flow), formatByteSum(flow->bytesIn, true),
                 formatByteSum(flow->bytesOut, true),
                 flow->inBitsPerSecond ? formatBitRate(*flow->inBitsPerSecond) : "",
                 flow->outBitsPerSecond ? formatBitRate(*flow->outBitsPerSecond) : "",
                 flow->remoteHostName});
        }
        if (table.empty()) {
            out << (m_listening ? "No listening sockets match.\n" : "No connections match.\n");
        } else {
            table.print(out);
        }
        if (!visibility.note.empty()) {
            out << "\n" << visibility.note << "\n";
        }
        const bool hidden = std::any_of(flows.begin(), flows.end(), [](const FlowStat* flow) {
            return flow->owner == OwnerVisibility::NeedsAdmin;
        });
        if (hidden) {
            out << "Some owners could not be seen: other users' processes need admin rights.\n";
        }
    }

    bool m_json = false;
    std::string m_protocol;
    std::string m_state;
    std::string m_process;
    bool m_listening = false;
    int m_sampleMs = 0;
};

}  // namespace

std::unique_ptr<Command> makeConnectionsCommand() {
    return std::make_unique<ConnectionsCommand>();
}

}  // namespace netmon::cli
