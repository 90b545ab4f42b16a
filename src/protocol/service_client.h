// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "core/mode_selection.h"
#include "core/model/snapshot.h"
#include "core/result.h"
#include "protocol/messages.h"

namespace netmon::protocol {

// What the service said about itself and this client in its reply to `hello`.
struct ServiceInfo {
    std::string version;
    MonitoringMode mode = MonitoringMode::Basic;
    std::string modeNote;                                 // why not deep mode, when it is not
    CaptureBackend captureEngine = CaptureBackend::None;  // what counts packets in deep mode
    bool fullAccess = false;
    std::chrono::milliseconds interval{1000};
    std::filesystem::path socket;
};

// One connection to netmond. Each call sends a request and reads its reply; a subscription
// makes the connection a stream of snapshots (readSnapshot) for the rest of its life.
class ServiceClient {
public:
    // Connects and says hello; an error when no service answers there (or it is not ours).
    static Result<ServiceClient> connect(const std::filesystem::path& socket,
                                         std::chrono::milliseconds timeout);
    ServiceClient(ServiceClient&&) noexcept;
    ServiceClient& operator=(ServiceClient&&) noexcept;
    ~ServiceClient();

    [[nodiscard]] const ServiceInfo& info() const;
    // The members of the reply, or the service's error.
    Result<nlohmann::json> call(RequestKind kind, nlohmann::json members = nlohmann::json::object(),
                                std::chrono::milliseconds timeout = std::chrono::seconds{30});
    Result<Snapshot> snapshot();
    Result<void> subscribe();
    // The next tick of a subscription; an error when the service stops or sends nothing for
    // `timeout`.
    Result<Snapshot> readSnapshot(std::chrono::milliseconds timeout);
    // Ends the connection; a read blocked in another thread returns.
    void shutdown();

private:
    struct State;
    explicit ServiceClient(std::unique_ptr<State> state);
    Result<nlohmann::json> readReply(std::chrono::milliseconds timeout);
    std::unique_ptr<State> m_state;
};

}  // namespace netmon::protocol
