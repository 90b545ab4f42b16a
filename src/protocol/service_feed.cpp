// SPDX-License-Identifier: GPL-3.0-or-later
#include "protocol/service_feed.h"

namespace netmon::protocol {
namespace {

Snapshot warningOnly(std::string warning) {
    Snapshot snapshot;
    snapshot.wallTime = std::chrono::system_clock::now();
    snapshot.steadyTime = std::chrono::steady_clock::now();
    snapshot.warnings.push_back(std::move(warning));
    return snapshot;
}

}  // namespace

ServiceFeed::ServiceFeed(ServiceInfo info) : m_info(std::move(info)) {}

ServiceFeed::~ServiceFeed() {
    stop();
}

SnapshotFeed::SubscriptionId ServiceFeed::subscribe(Subscriber subscriber) {
    const std::lock_guard lock(m_subscribersMutex);
    m_subscribers.emplace_back(m_nextId, std::move(subscriber));
    return m_nextId++;
}

void ServiceFeed::unsubscribe(SubscriptionId id) {
    const std::lock_guard lock(m_subscribersMutex);
    std::erase_if(m_subscribers, [&](const auto& entry) { return entry.first == id; });
}

std::chrono::milliseconds ServiceFeed::interval() const {
    return m_info.interval;
}

void ServiceFeed::start() {
    if (!m_thread.joinable()) {
        m_thread = std::jthread([this](const std::stop_token& stop) { run(stop); });
    }
}

void ServiceFeed::stop() {
    if (!m_thread.joinable()) {
        return;
    }
    m_thread.request_stop();
    {
        const std::lock_guard lock(m_streamMutex);
        if (m_stream) {
            m_stream->shutdown();
        }
    }
    m_thread.join();
}

Snapshot ServiceFeed::tick() {
    auto client = ServiceClient::connect(m_info.socket, std::chrono::seconds{5});
    if (!client) {
        return warningOnly("netmond: " + client.error().describe());
    }
    auto snapshot = client->snapshot();
    if (!snapshot) {
        return warningOnly("netmond: " + snapshot.error().describe());
    }
    return std::move(*snapshot);
}

void ServiceFeed::publish(const Snapshot& snapshot) {
    const std::lock_guard lock(m_subscribersMutex);
    for (const auto& [id, subscriber] : m_subscribers) {
        subscriber(snapshot);
    }
}

void ServiceFeed::run(const std::stop_token& stop) {
    bool reportedLoss = false;
    while (!stop.stop_requested()) {
        auto client = ServiceClient::connect(m_info.socket, std::chrono::seconds{5});
        if (client && client->subscribe()) {
            {
                const std::lock_guard lock(m_streamMutex);
                m_stream = std::make_unique<ServiceClient>(std::move(*client));
            }
            if (reportedLoss) {
                publish(warningOnly("netmond answers again at " + m_info.socket.string()));
                reportedLoss = false;
            }
            // Ticks come every interval; three missed ones mean the service is gone.
            const auto patience = std::max(m_info.interval * 3, std::chrono::milliseconds{5000});
            for (;;) {
                auto snapshot = m_stream->readSnapshot(patience);
                if (!snapshot || stop.stop_requested()) {
                    if (!stop.stop_requested()) {
                        publish(warningOnly("netmond stopped answering (" +
                                            snapshot.error().message + "); retrying"));
                        reportedLoss = true;
                    }
                    break;
                }
                publish(*snapshot);
            }
            const std::lock_guard lock(m_streamMutex);
            m_stream.reset();
        } else if (!reportedLoss) {
            publish(
                warningOnly("netmond does not answer at " + m_info.socket.string() + "; retrying"));
            reportedLoss = true;
        }
        for (int i = 0; i < 20 && !stop.stop_requested(); ++i) {
            std::this_thread::sleep_for(std::chrono::milliseconds{100});
        }
    }
}

}  // namespace netmon::protocol
