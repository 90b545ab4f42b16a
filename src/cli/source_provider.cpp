// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/source_provider.h"

#include "platform/source_factories.h"
#include "platform/stop_signal.h"

namespace netmon::cli {
namespace {

// Ctrl-C, SIGTERM, SIGHUP (a closed console on Windows), or a request from the program.
class SignalStopRequests final : public StopRequests {
public:
    SignalStopRequests() : m_signal(StopSignal::install()) {}
    bool waitFor(std::chrono::milliseconds timeout) override { return m_signal.waitFor(timeout); }
    void request() override { m_signal.request(); }

private:
    StopSignal& m_signal;
};

}  // namespace

SourceProvider realSources() {
    return SourceProvider{
        [](const Config& config, SnapshotDetail detail) {
            return runtime::makeMonitor(config, detail);
        },
        [] { return makeInterfaceSource(); },
        []() -> StopRequests& {
            static SignalStopRequests stop;  // as StopSignal itself: once per process
            return stop;
        },
        [](const std::filesystem::path& socket) {
            // Short: a service that answers at all answers at once; none costs a run nothing.
            return protocol::ServiceClient::connect(socket, std::chrono::seconds{2});
        },
    };
}

}  // namespace netmon::cli
