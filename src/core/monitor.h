// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "core/clock.h"
#include "core/config.h"
#include "core/flow_pipeline.h"
#include "core/model/snapshot.h"
#include "core/rate_calculator.h"
#include "core/snapshot_feed.h"
#include "core/sources/interface_source.h"

namespace netmon {

// Samples the sources on its own thread at a fixed interval and publishes one Snapshot per tick
// to its subscribers (called on the monitor thread; a GUI re-posts them to its own thread).
class Monitor final : public SnapshotFeed {
public:
    explicit Monitor(std::unique_ptr<InterfaceSource> interfaces,
                     const Clock& clock = SystemClock::instance());
    ~Monitor() override;
    Monitor(const Monitor&) = delete;
    Monitor& operator=(const Monitor&) = delete;

    SubscriptionId subscribe(Subscriber subscriber) override;
    // After this returns the subscriber is not called again (a call in progress finishes first).
    void unsubscribe(SubscriptionId id) override;

    // Clamped to Config's 100 ms – 60 s; takes effect from the next tick, without a restart.
    void setInterval(std::chrono::milliseconds interval) override;
    [[nodiscard]] std::chrono::milliseconds interval() const override;
    [[nodiscard]] bool ratesOnFirstTick() const override { return false; }
    // Only these interfaces are reported (empty: all).
    void setInterfaceFilter(std::vector<std::string> names);
    // Interval, monitored interfaces and privacy from the settings, applied from the next tick.
    void applyConfig(const Config& config);
    // Connections, hosts and processes in each snapshot; without it a snapshot has interfaces
    // only. Set before start().
    void setFlowPipeline(std::unique_ptr<FlowPipeline> pipeline);

    void start() override;
    // Returns once the thread has ended; no subscriber is called after that.
    void stop() override;
    [[nodiscard]] bool running() const;

    // One tick now, on the caller's thread: read, compute rates, publish. The monitor thread
    // calls this; so do one-shot commands and tests. Not to be called while running().
    Snapshot tick() override;

private:
    void run(std::stop_token stopToken);
    void publish(const Snapshot& snapshot);

    std::unique_ptr<InterfaceSource> m_interfaces;
    std::unique_ptr<FlowPipeline> m_flows;
    const Clock& m_clock;
    RateCalculator m_rates;
    std::uint64_t m_sequence = 0;
    std::vector<InterfaceStat> m_lastInterfaces;  // shown, without traffic, after a failed read

    mutable std::mutex m_settingsMutex;
    std::condition_variable_any m_settingsChanged;
    std::chrono::milliseconds m_interval{1000};
    std::vector<std::string> m_filter;
    bool m_filterChanged = false;

    std::mutex m_subscribersMutex;
    std::mutex m_publishMutex;  // held while subscribers run, so unsubscribe can wait them out
    std::vector<std::pair<SubscriptionId, std::shared_ptr<Subscriber>>> m_subscribers;
    SubscriptionId m_nextId = 1;

    std::jthread m_thread;
};

}  // namespace netmon
