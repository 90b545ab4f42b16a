// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <filesystem>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "core/snapshot_feed.h"
#include "protocol/service_client.h"

namespace netmon::protocol {

// Snapshots from netmond instead of an in-process Monitor: tick() asks for the latest one,
// start() subscribes on a connection of its own. When the service goes away the subscribers get
// a snapshot with only a warning saying so, and the feed reconnects when it is back.
class ServiceFeed final : public SnapshotFeed {
public:
    // `info`: the service's answer to hello (ServiceClient::info()); the feed connects itself.
    explicit ServiceFeed(ServiceInfo info);
    ~ServiceFeed() override;

    SubscriptionId subscribe(Subscriber subscriber) override;
    void unsubscribe(SubscriptionId id) override;
    void setInterval(std::chrono::milliseconds) override {}  // the service keeps its own
    [[nodiscard]] std::chrono::milliseconds interval() const override;
    void start() override;
    void stop() override;
    Snapshot tick() override;
    [[nodiscard]] bool ratesOnFirstTick() const override { return true; }

    [[nodiscard]] const ServiceInfo& info() const { return m_info; }

private:
    void run(const std::stop_token& stop);
    void publish(const Snapshot& snapshot);

    ServiceInfo m_info;
    std::mutex m_subscribersMutex;
    std::vector<std::pair<SubscriptionId, Subscriber>> m_subscribers;
    SubscriptionId m_nextId = 1;
    std::mutex m_streamMutex;
    std::unique_ptr<ServiceClient> m_stream;  // shut down by stop() to end a blocked read
    std::jthread m_thread;
};

}  // namespace netmon::protocol
