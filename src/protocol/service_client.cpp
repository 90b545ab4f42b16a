// SPDX-License-Identifier: GPL-3.0-or-later
#include "protocol/service_client.h"

#include "platform/local_socket.h"
#include "protocol/line_reader.h"
#include "protocol/snapshot_codec.h"

namespace netmon::protocol {

struct ServiceClient::State {
    explicit State(platform::LocalConnection opened)
        : connection(std::move(opened)), reader(connection, kMaxReplyBytes) {}
    platform::LocalConnection connection;
    LineReader reader;
    ServiceInfo info;
};

namespace {

constexpr std::chrono::seconds kWriteTimeout{10};

Result<ServiceInfo> infoFrom(const nlohmann::json& hello, const std::filesystem::path& socket) {
    if (!hello.contains("service") || hello["service"] != "netmond") {
        return fail("what answers at " + socket.string() + " is not netmond");
    }
    ServiceInfo info;
    info.socket = socket;
    const auto text = [&](const char* key) {
        return hello.contains(key) && hello[key].is_string() ? hello[key].get<std::string>()
                                                             : std::string{};
    };
    info.version = text("version");
    info.mode = text("mode") == "deep" ? MonitoringMode::Deep : MonitoringMode::Basic;
    info.modeNote = text("mode_note");
    const std::string engine = text("capture_engine");
    // The service names engines by toString(CaptureBackend); the protocol page says "pcap".
    info.captureEngine = engine == "ebpf"                          ? CaptureBackend::Ebpf
                         : engine == "libpcap" || engine == "pcap" ? CaptureBackend::Pcap
                                                                   : CaptureBackend::None;
    info.fullAccess = text("access") == "full";
    if (hello.contains("interval_ms") && hello["interval_ms"].is_number_unsigned()) {
        info.interval = std::chrono::milliseconds{hello["interval_ms"].get<std::uint32_t>()};
    }
    return info;
}

}  // namespace

ServiceClient::ServiceClient(std::unique_ptr<State> state) : m_state(std::move(state)) {}
ServiceClient::ServiceClient(ServiceClient&&) noexcept = default;
ServiceClient& ServiceClient::operator=(ServiceClient&&) noexcept = default;
ServiceClient::~ServiceClient() = default;

Result<ServiceClient> ServiceClient::connect(const std::filesystem::path& socket,
                                             std::chrono::milliseconds timeout) {
    auto connection = platform::connectLocal(socket, timeout);
    if (!connection) {
        return tl::unexpected(connection.error());
    }
    ServiceClient client(std::make_unique<State>(std::move(*connection)));
    auto hello = client.call(RequestKind::Hello, nlohmann::json::object(), timeout);
    if (!hello) {
        return tl::unexpected(hello.error());
    }
    auto info = infoFrom(*hello, socket);
    if (!info) {
        return tl::unexpected(info.error());
    }
    client.m_state->info = std::move(*info);
    return client;
}

const ServiceInfo& ServiceClient::info() const {
    return m_state->info;
}

Result<nlohmann::json> ServiceClient::call(RequestKind kind, nlohmann::json members,
                                           std::chrono::milliseconds timeout) {
    if (auto sent = m_state->connection.write(requestLine(kind, std::move(members)), kWriteTimeout);
        !sent) {
        return tl::unexpected(sent.error());
    }
    return readReply(timeout);
}

Result<nlohmann::json> ServiceClient::readReply(std::chrono::milliseconds timeout) {
    auto line = m_state->reader.next(timeout);
    if (!line) {
        return fail("the service did not answer: " + line.error().message);
    }
    if (!*line) {
        return fail("the service closed the connection");
    }
    return parseReply(**line);
}

Result<Snapshot> ServiceClient::snapshot() {
    auto reply = call(RequestKind::Snapshot, {{"format", "full"}});
    if (!reply) {
        return tl::unexpected(reply.error());
    }
    return decodeSnapshot((*reply)["snapshot"], std::chrono::steady_clock::now());
}

Result<void> ServiceClient::subscribe() {
    return m_state->connection.write(requestLine(RequestKind::Subscribe, {{"format", "full"}}),
                                     kWriteTimeout);
}

Result<Snapshot> ServiceClient::readSnapshot(std::chrono::milliseconds timeout) {
    auto reply = readReply(timeout);
    if (!reply) {
        return tl::unexpected(reply.error());
    }
    return decodeSnapshot((*reply)["snapshot"], std::chrono::steady_clock::now());
}

void ServiceClient::shutdown() {
    m_state->connection.shutdown();
}

}  // namespace netmon::protocol
