// SPDX-License-Identifier: GPL-3.0-or-later
// `netmon doctor`: what this machine allows — each check with pass/fail, and the paths in use.
#include <ostream>

#include "cli/app.h"
#include "cli/command.h"
#include "cli/context.h"
#include "cli/json_views.h"
#include "core/format.h"
#include "core/permission_report.h"
#include "core/sources/interface_source.h"
#include "core/visible_text.h"
#include "platform/local_socket.h"
#include "platform/service_installation.h"
#include "protocol/service_client.h"
#include "runtime/capture_availability.h"
#include "storage/history_reader.h"

namespace netmon::cli {
namespace {

std::vector<PermissionCheck> basicChecks(const Context& context) {
    std::vector<PermissionCheck> checks;

    PermissionCheck settings{"settings file", true, context.configPath().string(), ""};
    if (!context.loadedConfig().fileExisted) {
        settings.detail += " (not created yet: defaults in use)";
    }
    for (const std::string& warning : context.loadedConfig().warnings) {
        settings.passed = false;
        settings.detail += "; " + warning;
        settings.hint = "fix or delete the settings file; bad values fall back to defaults";
    }
    checks.push_back(settings);

    const auto source = context.sources().makeInterfaceSource();
    const auto interfaces = source->read();
    PermissionCheck counters{"interface counters (basic mode)", bool(interfaces), "", ""};
    if (interfaces) {
        counters.detail = std::to_string(interfaces->size()) + " interfaces read through " +
                          std::string(source->mechanism());
    } else {
        counters.detail = interfaces.error().message;
        counters.hint = interfaces.error().hint;
    }
    checks.push_back(counters);

    const std::filesystem::path database = context.databasePath({});
    PermissionCheck history{"history database", true, database.string(), ""};
    std::error_code error;
    if (!std::filesystem::exists(database, error)) {
        history.detail += " (not created yet; `netmon record` creates it)";
    } else if (auto reader = storage::HistoryReader::open(database); !reader) {
        history.passed = false;
        history.detail += ": " + reader.error().message;
        history.hint = reader.error().hint;
    } else {
        history.detail += " (" + formatBytes(std::filesystem::file_size(database, error)) + ")";
    }
    checks.push_back(history);
    return checks;
}

// The service: whether it is installed, answers, and what it lets this user see.
std::vector<PermissionCheck> serviceChecks(const Context& context) {
    const ServiceInstallation installation = serviceInstallation();
    std::vector<PermissionCheck> checks{
        {"service installed", installation.installed, installation.detail,
         installation.installed ? "" : "install the package (README: Always-on monitoring)"}};
    const protocol::ServiceClient* service = context.service();
    if (service == nullptr) {
        checks.push_back({"service running and reachable", false, context.serviceProblem(),
                          installation.installed ? installation.startHint : ""});
        return checks;
    }
    const protocol::ServiceInfo& info = service->info();
    checks.push_back({"service running and reachable", true,
                      "netmond " + info.version + " at " + info.socket.string() + ", " +
                          std::string(toString(info.mode)) + " mode" +
                          (info.modeNote.empty() ? "" : " (" + info.modeNote + ")"),
                      ""});
    checks.push_back({"service allows", info.fullAccess,
                      info.fullAccess ? "every user's flows and history, and its settings"
                                      : "interface totals and your own flows only",
                      "to see everything, " + platform::fullAccessHint("netmon")});
    return checks;
}

// Each capture engine's own probe: built in, and able to start here.
std::vector<PermissionCheck> engineChecks() {
    std::vector<PermissionCheck> checks;
    for (const CaptureBackend backend : {CaptureBackend::Ebpf, CaptureBackend::Pcap}) {
        const std::string name = std::string(toString(backend)) + " capture engine";
        auto engine = runtime::makeCaptureEngine(backend);
        checks.push_back(
            engine ? PermissionCheck{name, true, "can start here", ""}
                   : PermissionCheck{name, false, engine.error().message, engine.error().hint});
    }
    return checks;
}

class DoctorCommand final : public Command {
public:
    CLI::App* define(CLI::App& parent) override {
        CLI::App* command = parent.add_subcommand(
            "doctor", "Check what this machine allows: modes, permissions, paths in use");
        command->add_flag("--json", m_json, "One JSON object with every check");
        return command;
    }

    int run(Context& context) override {
        const std::vector<PermissionCheck> basic = basicChecks(context);
        const CaptureAvailability availability = runtime::captureAvailability();
        const std::vector<PermissionCheck> engines = engineChecks();
        const std::vector<PermissionCheck> service = serviceChecks(context);
        const runtime::EngineChoice choice = runtime::chooseEngine(
            context.config().captureMode, runtime::interfacesToCapture(context.config()));
        const ModeDecision& decision = choice.decision;
        std::string inUse = "basic";
        if (decision.mode == MonitoringMode::Deep) {
            inUse = "deep (" + std::string(toString(decision.running)) +
                    (decision.runningDetail.empty() ? "" : ": " + decision.runningDetail) + ")";
        }
        const bool basicWorks = basic[1].passed;
        std::ostream& out = context.out();
        if (m_json) {
            out << jsonText(
                       nlohmann::json{{"checks", jsonArray(basic, permissionJson)},
                                      {"deep_mode_checks",
                                       jsonArray(availability.permissions.checks, permissionJson)},
                                      {"engine_checks", jsonArray(engines, permissionJson)},
                                      {"service_checks", jsonArray(service, permissionJson)},
                                      {"ebpf_possible", availability.permissions.ebpfPossible},
                                      {"pcap_possible", availability.permissions.pcapPossible},
                                      {"capture_mode_setting",
                                       std::string(toString(context.config().captureMode))},
                                      {"mode_in_use", inUse},
                                      {"mode_message", decision.message}},
                       2)
                << "\n";
            return basicWorks ? kExitOk : kExitFailure;
        }
        out << "Network Monitor " << NETMON_VERSION << "\n\n";
        printChecks(out, basic);
        out << "\nDeep mode (per-flow counts of all traffic; needs admin rights):\n";
        printChecks(out, availability.permissions.checks);
        out << "\nCapture engines:\n";
        printChecks(out, engines);
        out << "\nService (netmond: always-on monitoring and history for every user):\n";
        printChecks(out, service);
        out << "\ncapture_mode setting: " << toString(context.config().captureMode)
            << "\nmode in use: " << inUse << "\n";
        if (!decision.message.empty()) {
            out << visibleText(decision.message) << "\n";
        }
        return basicWorks ? kExitOk : kExitFailure;
    }

private:
    // Details hold paths and the system's own words: escaped, like every name shown as text.
    static void printChecks(std::ostream& out, const std::vector<PermissionCheck>& checks) {
        for (const PermissionCheck& check : checks) {
            out << (check.passed ? "  [pass] " : "  [FAIL] ") << visibleText(check.name) << ": "
                << visibleText(check.detail) << "\n";
            if (!check.passed && !check.hint.empty()) {
                out << "         fix: " << visibleText(check.hint) << "\n";
            }
        }
    }

    bool m_json = false;
};

}  // namespace

std::unique_ptr<Command> makeDoctorCommand() {
    return std::make_unique<DoctorCommand>();
}

}  // namespace netmon::cli
