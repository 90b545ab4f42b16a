// SPDX-License-Identifier: GPL-3.0-or-later
#include "service/service_app.h"

#include <CLI/CLI.hpp>
#include <iostream>

#include "core/visible_text.h"
#include "platform/service_host.h"
#include "platform/stop_signal.h"
#include "service/service_runner.h"

namespace netmon::service {
namespace {

constexpr int kExitFailure = 1;
constexpr int kExitUsage = 2;

// `host` is the process around the service (platform/service_host.h): where the log goes,
// and whom to tell that the service is up (Windows' service manager).
int runUntilStopped(const ServiceOptions& options, ServiceHost& host) {
    StopSignal& stop = StopSignal::install();
    ignoreBrokenPipes();
    ServiceRunner runner(options, host.log);
    if (auto started = runner.start(); !started) {
        host.log << "netmond: error: " << visibleText(started.error().message) << "\n";
        if (!started.error().hint.empty()) {
            host.log << "  hint: " << visibleText(started.error().hint) << "\n";
        }
        host.log.flush();
        return kExitFailure;
    }
    host.running();
    while (!stop.waitFor(std::chrono::hours{1})) {
    }
    host.log << "netmond: stopping" << std::endl;
    runner.stop();
    return 0;
}

}  // namespace

int runServiceApp(int argc, char** argv) {
    CLI::App app{
        "netmond: the Network Monitor service. It samples this machine's network (deep "
        "mode where it may), keeps the history, and answers netmon and netmon-gui on a "
        "local socket (docs/service-protocol.md).",
        "netmond"};
    app.set_version_flag("--version", std::string("netmond ") + NETMON_VERSION);
    ServiceOptions options;
    app.add_flag("--foreground", options.foreground,
                 "Run as a program attached to this terminal. On Linux netmond always does "
                 "(systemd runs it so); on Windows without it netmond expects the service "
                 "manager");
    app.add_option("--socket", options.socket,
                   "Where clients connect (default: /run/netmon/netmond.sock)");
    app.add_option("--db", options.database,
                   "History database, written by netmond only (default: the settings' "
                   "database_path, else /var/lib/netmon/history.db)");
    app.add_option("--config", options.config,
                   "Settings file, the same JSON as netmon's (default: /etc/netmon/netmond.json)");
    app.add_option("--group", options.group,
                   "Members of this group see every user's flows and may change the settings; "
                   "other users who can reach the socket see the interface totals and their own "
                   "flows (default: netmon). Ignored on Windows, where administrators see "
                   "everything");
    app.add_option("--socket-mode", options.socketMode,
                   "Mode of the socket file, octal (default 0660: the group and root; 0666 lets "
                   "every local user ask for their own flows)")
        ->transform([](std::string text) {
            try {
                std::size_t used = 0;
                const unsigned long mode = std::stoul(text, &used, 8);
                if (used != text.size() || mode > 0777) {
                    throw std::invalid_argument("mode");
                }
                return std::to_string(mode);
            } catch (const std::exception&) {
                throw CLI::ValidationError("--socket-mode", "an octal mode such as 0660");
            }
        });
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& error) {
        const int status = app.exit(error);
        return status == 0 ? 0 : kExitUsage;
    }
    try {
        return runServiceProcess(options.foreground, [&options](ServiceHost& host) {
            return runUntilStopped(options, host);
        });
    } catch (const std::exception& error) {
        std::cerr << "netmond: unexpected failure: " << visibleText(error.what()) << "\n";
        return kExitFailure;
    }
}

}  // namespace netmon::service
