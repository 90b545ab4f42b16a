// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/monitor.h"

#include <algorithm>

namespace netmon {

Monitor::Monitor(std::unique_ptr<InterfaceSource> interfaces, const Clock& clock)
    : m_interfaces(std::move(interfaces)), m_clock(clock) {}

Monitor::~Monitor() {
    stop();
}

Monitor::SubscriptionId Monitor::subscribe(Subscriber subscriber) {
    const std::lock_guard lock(m_subscribersMutex);
    const SubscriptionId id = m_nextId++;
    m_subscribers.emplace_back(id, std::make_shared<Subscriber>(std::move(subscriber)));
    return id;
}

void Monitor::unsubscribe(SubscriptionId id) {
    {
        const std::lock_guard lock(m_subscribersMutex);
        std::erase_if(m_subscribers, [id](const auto& entry) { return entry.first == id; });
    }
    // Wait for a publication in progress (it may hold the old list) unless we are inside it.
    if (m_thread.get_id() != std::this_thread::get_id()) {
        const std::lock_guard wait(m_publishMutex);
    }
}

void Monitor::setInterval(std::chrono::milliseconds interval) {
    {
        const std::lock_guard lock(m_settingsMutex);
        m_interval =
            std::clamp(interval, Config::kMinSamplingInterval, Config::kMaxSamplingInterval);
    }
    m_settingsChanged.notify_all();
}

std::chrono::milliseconds Monitor::interval() const {
    const std::lock_guard lock(m_settingsMutex);
    return m_interval;
}

void Monitor::setInterfaceFilter(std::vector<std::string> names) {
    const std::lock_guard lock(m_settingsMutex);
    m_filter = std::move(names);
    m_filterChanged = true;
}

void Monitor::applyConfig(const Config& config) {
    setInterval(config.samplingInterval);
    setInterfaceFilter(config.monitoredInterfaces);
    if (m_flows) {
        m_flows->setPrivacy(config.privacy);
    }
}

void Monitor::setFlowPipeline(std::unique_ptr<FlowPipeline> pipeline) {
    m_flows = std::move(pipeline);
}

void Monitor::start() {
    if (m_thread.joinable()) {
        return;
    }
    m_thread = std::jthread([this](std::stop_token stopToken) { run(stopToken); });
}

void Monitor::stop() {
    if (!m_thread.joinable()) {
        return;
    }
    m_thread.request_stop();
    m_settingsChanged.notify_all();
    m_thread.join();
    m_thread = {};
}

bool Monitor::running() const {
    return m_thread.joinable();
}

Snapshot Monitor::tick() {
    std::vector<std::string> filter;
    {
        const std::lock_guard lock(m_settingsMutex);
        filter = m_filter;
        if (m_filterChanged) {
            m_rates.clear();
            m_filterChanged = false;
        }
    }

    Snapshot snapshot;
    snapshot.sequence = ++m_sequence;
    snapshot.mode = MonitoringMode::Basic;
    auto readResult = m_interfaces->read();
    snapshot.steadyTime = m_clock.steadyNow();
    snapshot.wallTime = m_clock.wallNow();
    if (readResult) {
        std::vector<InterfaceStat> interfaces = std::move(*readResult);
        if (!filter.empty()) {
            std::erase_if(interfaces, [&filter](const InterfaceStat& interface) {
                return std::find(filter.begin(), filter.end(), interface.name) == filter.end();
            });
        }
        m_rates.update(interfaces, snapshot.steadyTime);
        m_lastInterfaces = interfaces;
        snapshot.interfaces = std::move(interfaces);
    } else {
        // Keep the baselines: the next good reading is divided by the whole elapsed time, so
        // nothing is lost and nothing is counted twice.
        snapshot.interfaces = m_lastInterfaces;
        for (InterfaceStat& interface : snapshot.interfaces) {
            interface.traffic.reset();
        }
        snapshot.warnings.push_back("Could not read interface counters (" +
                                    std::string(m_interfaces->mechanism()) +
                                    "): " + readResult.error().describe());
    }
    if (m_flows) {
        m_flows->tick(snapshot);
    }
    publish(snapshot);
    return snapshot;
}

void Monitor::publish(const Snapshot& snapshot) {
    const std::lock_guard publishing(m_publishMutex);
    std::vector<std::shared_ptr<Subscriber>> subscribers;
    {
        const std::lock_guard lock(m_subscribersMutex);
        for (const auto& entry : m_subscribers) {
            subscribers.push_back(entry.second);
        }
    }
    for (const auto& subscriber : subscribers) {
        (*subscriber)(snapshot);
    }
}

void Monitor::run(std::stop_token stopToken) {
    // Deadlines on the real steady clock. A late tick is not followed by a burst of catch-up
    // ticks: the rate calculator divides by the real elapsed time instead.
    using SteadyClock = std::chrono::steady_clock;
    auto planned = SteadyClock::now();
    std::unique_lock lock(m_settingsMutex);
    while (!stopToken.stop_requested()) {
        lock.unlock();
        tick();
        lock.lock();
        // Wait for the next deadline; an interval change re-plans it from the last tick.
        bool intervalChanged = true;
        while (intervalChanged && !stopToken.stop_requested()) {
            const auto interval = m_interval;
            intervalChanged = m_settingsChanged.wait_until(lock, stopToken, planned + interval,
                                                           [&] { return m_interval != interval; });
        }
        planned += m_interval;
        if (const auto now = SteadyClock::now(); now - planned > m_interval) {
            planned = now;  // more than a whole tick late: skip ahead rather than burst
        }
    }
}

}  // namespace netmon
