// SPDX-License-Identifier: GPL-3.0-or-later
#include "service/client_session.h"

#include "platform/local_socket.h"
#include "protocol/history_codec.h"
#include "protocol/line_reader.h"
#include "protocol/messages.h"
#include "service/access_policy.h"
#include "service/snapshot_lines.h"
#include "storage/history_reader.h"

namespace netmon::service {
namespace {

using protocol::RequestKind;

constexpr std::chrono::seconds kIdleTimeout{60};
constexpr std::chrono::seconds kWriteTimeout{5};
constexpr std::chrono::seconds kFirstTickWait{10};
constexpr std::size_t kMaxBreakdownRows = 10'000;

class Session {
public:
    Session(platform::LocalConnection& connection, const SessionServices& services,
            const std::stop_token& stop)
        : m_connection(connection),
          m_services(services),
          m_stop(stop),
          m_access(accessFor(connection.peer(), services.group)) {}

    void run() {
        protocol::LineReader reader(m_connection, protocol::kMaxRequestBytes);
        while (!m_stop.stop_requested()) {
            auto line = reader.next(kIdleTimeout);
            if (!line || !*line) {
                return;  // closed, idle too long, or a message too long: end this client only
            }
            auto request = protocol::parseRequest(**line);
            if (!request) {
                send(protocol::errorLine(request.error()));
                continue;
            }
            if (!answer(*request)) {
                return;
            }
        }
    }

private:
    // False when the connection is done (a write failed, a stream ended).
    bool answer(const protocol::Request& request) {
        switch (request.kind) {
            case RequestKind::Hello:
                return reply(hello());
            case RequestKind::Snapshot:
                return sendSnapshot(request.format);
            case RequestKind::Subscribe:
                stream(request.format);
                return false;
            case RequestKind::History:
                return reply(history(request.body));
            case RequestKind::Breakdown:
                return reply(breakdown(request.body));
            case RequestKind::Usage:
                return reply(usage());
            case RequestKind::Health:
                return reply(
                    Result<nlohmann::json>(nlohmann::json{{"health", m_services.health()}}));
            case RequestKind::Settings:
                return reply(settings());
            case RequestKind::SetSettings:
                return reply(changeSettings(request.body));
        }
        return false;
    }

    bool send(const std::string& line) {
        return m_connection.write(line, kWriteTimeout).has_value();
    }

    bool reply(const Result<nlohmann::json>& result) {
        return send(result ? protocol::replyLine(*result) : protocol::errorLine(result.error()));
    }

    Result<nlohmann::json> hello() const {
        nlohmann::json members = m_services.describe();
        members["service"] = "netmond";
        members["protocol"] = protocol::kProtocolVersion;
        members["access"] = std::string(toString(m_access));
        members["uid"] = m_access.uid ? nlohmann::json(*m_access.uid) : nlohmann::json();
        return members;
    }

    bool sendSnapshot(protocol::SnapshotFormat format) {
        auto snapshot = m_services.hub.latest();
        if (!snapshot) {
            snapshot = m_services.hub.waitNewer(0, kFirstTickWait);
        }
        if (!snapshot) {
            return send(protocol::errorLine({"the service has not sampled yet", "ask again"}));
        }
        return send(m_services.snapshotLines->lineFor(*snapshot, format, m_access));
    }

    void stream(protocol::SnapshotFormat format) {
        std::uint64_t last = 0;
        while (!m_stop.stop_requested()) {
            auto snapshot = m_services.hub.waitNewer(last, std::chrono::seconds{1});
            if (!snapshot) {
                continue;
            }
            last = snapshot->sequence;
            if (!send(m_services.snapshotLines->lineFor(*snapshot, format, m_access))) {
                return;  // gone or stalled: this client only
            }
        }
    }

    [[nodiscard]] Result<std::unique_ptr<storage::HistoryReader>> openHistory() const {
        return storage::HistoryReader::open(m_services.databasePath);
    }

    Result<nlohmann::json> history(const nlohmann::json& body) const {
        auto query = protocol::decodeHistoryQuery(body.value("query", nlohmann::json::object()));
        if (!query) {
            return tl::unexpected(query.error());
        }
        if (query->until <= query->since) {
            return fail("history query: until must be after since");
        }
        auto reader = openHistory();
        if (!reader) {
            return tl::unexpected(reader.error());
        }
        auto rows = (*reader)->query(*query);
        if (!rows) {
            return tl::unexpected(rows.error());
        }
        return nlohmann::json{{"rows", protocol::encodeHistoryRows(*rows)}};
    }

    Result<nlohmann::json> breakdown(const nlohmann::json& body) const {
        if (!m_access.full) {
            return fail("history per host and per process is for " + fullAccessHolders(),
                        platform::fullAccessHint(m_services.groupName));
        }
        auto query = protocol::decodeBreakdownQuery(body.value("query", nlohmann::json::object()));
        if (!query) {
            return tl::unexpected(query.error());
        }
        if (query->until <= query->since || query->limit == 0 || query->limit > kMaxBreakdownRows) {
            return fail("breakdown query: until must be after since, and limit 1 to " +
                        std::to_string(kMaxBreakdownRows));
        }
        auto reader = openHistory();
        if (!reader) {
            return tl::unexpected(reader.error());
        }
        auto rows = (*reader)->breakdown(*query);
        if (!rows) {
            return tl::unexpected(rows.error());
        }
        return nlohmann::json{{"rows", protocol::encodeBreakdownRows(*rows)}};
    }

    Result<nlohmann::json> usage() const {
        auto reader = openHistory();
        if (!reader) {
            return tl::unexpected(reader.error());
        }
        auto totals = (*reader)->usage(std::chrono::system_clock::now());
        if (!totals) {
            return tl::unexpected(totals.error());
        }
        return nlohmann::json{{"usage", protocol::encodeUsageTotals(*totals)}};
    }

    // Who sees everything, in this system's terms.
    [[nodiscard]] std::string fullAccessHolders() const {
        return platform::localGroupsApply()
                   ? "members of the group " + m_services.groupName + " and administrators"
                   : std::string("administrators");
    }

    Result<nlohmann::json> settings() const {
        return nlohmann::json{
            {"settings", nlohmann::json::parse(serializeConfig(m_services.settings()))}};
    }

    Result<nlohmann::json> changeSettings(const nlohmann::json& body) const {
        if (!m_access.full) {
            return fail("only " + fullAccessHolders() + " may change the service's settings",
                        platform::fullAccessHint(m_services.groupName));
        }
        const auto settings = body.find("settings");
        if (settings == body.end() || !settings->is_object()) {
            return fail(R"(set-settings needs "settings": the whole settings object)");
        }
        LoadedConfig parsed =
            parseConfig(settings->dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
        if (!parsed.warnings.empty()) {
            return fail("settings not changed: " + parsed.warnings.front());
        }
        auto applied = m_services.changeSettings(parsed.config);
        if (!applied) {
            return tl::unexpected(applied.error());
        }
        return nlohmann::json{{"settings", nlohmann::json::parse(serializeConfig(parsed.config))},
                              {"warnings", *applied}};
    }

    platform::LocalConnection& m_connection;
    const SessionServices& m_services;
    const std::stop_token& m_stop;
    Access m_access;
};

}  // namespace

void serveClient(platform::LocalConnection& connection, const SessionServices& services,
                 const std::stop_token& stop) {
    Session(connection, services, stop).run();
}

}  // namespace netmon::service
