// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/clock.h"
#include "core/model/ip_address.h"
#include "core/result.h"

namespace netmon {

// Reverse DNS off the caller's thread. nameFor() never blocks: it answers from the cache, and
// queues a lookup for a small pool of worker threads when the address is new or its entry has
// expired. Answers are kept for `ttl`, failures for `negativeTtl`; the queue (maxQueued) and
// the cache (maxCached) are bounded, so a scan of many addresses cannot grow memory or flood
// the resolver; making room (the answered entry that expires first goes) is O(log n), never a
// scan of the cache.
class HostNameResolver {
public:
    using Lookup = std::function<Result<std::string>(const IpAddress&)>;

    struct Options {
        std::size_t workers = 2;
        std::chrono::seconds ttl{3600};
        std::chrono::seconds negativeTtl{300};
        std::size_t maxQueued = 256;
        std::size_t maxCached = 10'000;
        const Clock* clock = &SystemClock::instance();
    };

    // `lookup` answers one query, blocking: the composition root passes the OS resolver
    // (the platform's reverseLookup), tests a fake. It must not be empty.
    HostNameResolver(Options options, Lookup lookup);
    ~HostNameResolver();
    HostNameResolver(const HostNameResolver&) = delete;
    HostNameResolver& operator=(const HostNameResolver&) = delete;

    // The cached name, or "" (not known yet, no name, or lookups switched off).
    std::string nameFor(const IpAddress& address);
    // Off (the privacy setting): nothing new is looked up and cached names are forgotten.
    void setEnabled(bool enabled);

    struct Counters {
        std::uint64_t lookups = 0;
        std::uint64_t failures = 0;
        std::uint64_t dropped = 0;  // not queued because the queue was full
    };
    [[nodiscard]] Counters counters() const;
    [[nodiscard]] std::size_t cacheSize() const;

private:
    struct Entry {
        std::string name;
        std::chrono::steady_clock::time_point expires;
        bool pending = false;
    };
    void work(std::stop_token stop);

    Options m_options;
    Lookup m_lookup;
    mutable std::mutex m_mutex;
    std::condition_variable_any m_queued;
    std::deque<IpAddress> m_queue;
    std::unordered_map<IpAddress, Entry, IpAddressHash> m_cache;
    // The answered entries (not those in flight) by expiry, soonest first.
    std::set<std::pair<std::chrono::steady_clock::time_point, IpAddress>> m_expiry;
    bool m_enabled = true;
    Counters m_counters;
    std::vector<std::jthread> m_workers;
};

}  // namespace netmon
