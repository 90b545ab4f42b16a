// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/services/service_history.h"

#include <algorithm>

namespace netmon::gui {
namespace {

constexpr std::chrono::seconds kConnectTimeout{5};
// How far back the newest tick is looked for: far more than the service's 2 s between writes.
// When it wrote nothing in that time, its totals hold nothing after the window's start.
constexpr std::chrono::minutes kLastTickWindow{2};
constexpr int kAttempts = 3;

}  // namespace

ServiceHistory::ServiceHistory(std::filesystem::path socket) : m_socket(std::move(socket)) {}

ServiceHistory::~ServiceHistory() {
    m_access.reset();  // before the client it reads through
}

protocol::HistoryAccess* ServiceHistory::access(std::string& error) {
    if (!m_access) {
        auto client = protocol::ServiceClient::connect(m_socket, kConnectTimeout);
        if (!client) {
            error = client.error().describe();
            return nullptr;
        }
        m_client = std::make_unique<protocol::ServiceClient>(std::move(*client));
        m_access = protocol::serviceHistory(*m_client);
    }
    return m_access.get();
}

void ServiceHistory::reset() {
    m_access.reset();
    m_client.reset();
}

Result<std::optional<storage::TimePoint>> ServiceHistory::lastTick(storage::TimePoint since) {
    std::string error;
    protocol::HistoryAccess* history = access(error);
    if (history == nullptr) {
        return fail(error);
    }
    storage::HistoryQuery query;
    query.since = since;
    query.until = std::chrono::system_clock::now() + std::chrono::minutes{1};
    query.resolution = storage::Resolution::Raw;
    auto rows = history->query(query);
    if (!rows) {
        reset();
        return tl::unexpected(rows.error());
    }
    std::optional<storage::TimePoint> last;
    for (const storage::HistoryRow& row : *rows) {
        last = last ? std::max(*last, row.start) : row.start;
    }
    return last;
}

Result<ServiceUsage> ServiceHistory::usage() {
    for (int attempt = 0; attempt < kAttempts; ++attempt) {
        const storage::TimePoint since = std::chrono::system_clock::now() - kLastTickWindow;
        auto before = lastTick(since);
        if (!before) {
            return tl::unexpected(before.error());
        }
        std::string error;
        protocol::HistoryAccess* history = access(error);
        if (history == nullptr) {
            return fail(error);
        }
        ServiceUsage result;
        result.readAt = std::chrono::system_clock::now();
        auto totals = history->usage(result.readAt);
        if (!totals) {
            reset();
            return tl::unexpected(totals.error());
        }
        auto after = lastTick(since);
        if (!after) {
            return tl::unexpected(after.error());
        }
        if (*before == *after) {  // no write in between: the totals hold exactly up to it
            result.usage = std::move(*totals);
            result.coveredUntil = before->value_or(since - std::chrono::nanoseconds{1});
            return result;
        }
    }
    return fail("the service's totals kept changing while they were read",
                "They are read again in a minute.");
}

Result<LoadedConfig> ServiceHistory::settings() {
    std::string error;
    if (access(error) == nullptr) {
        return fail(error);
    }
    auto reply = m_client->call(protocol::RequestKind::Settings);
    if (!reply) {
        reset();
        return tl::unexpected(reply.error());
    }
    if (!reply->contains("settings") || !(*reply)["settings"].is_object()) {
        return fail("the service's settings reply has no settings");
    }
    return parseConfig((*reply)["settings"].dump());
}

Result<std::vector<std::string>> ServiceHistory::changeSettings(const Config& config) {
    std::string error;
    if (access(error) == nullptr) {
        return fail(error);
    }
    auto reply = m_client->call(protocol::RequestKind::SetSettings,
                                {{"settings", nlohmann::json::parse(serializeConfig(config))}});
    if (!reply) {
        return tl::unexpected(reply.error());
    }
    std::vector<std::string> notes;
    for (const nlohmann::json& note : reply->value("warnings", nlohmann::json::array())) {
        if (note.is_string()) {
            notes.push_back(note.get<std::string>());
        }
    }
    return notes;
}

}  // namespace netmon::gui
