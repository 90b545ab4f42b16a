// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/host_name_resolver.h"

#include <stdexcept>

#include "core/utf8_text.h"

namespace netmon {

HostNameResolver::HostNameResolver(Options options, Lookup lookup)
    : m_options(options), m_lookup(std::move(lookup)) {
    if (!m_lookup) {
        throw std::invalid_argument("HostNameResolver needs a lookup");
    }
    for (std::size_t i = 0; i < m_options.workers; ++i) {
        m_workers.emplace_back([this](std::stop_token stop) { work(stop); });
    }
}

HostNameResolver::~HostNameResolver() {
    for (auto& worker : m_workers) {
        worker.request_stop();
    }
    m_queued.notify_all();
    m_workers.clear();  // joins; a lookup in progress finishes first
}

std::string HostNameResolver::nameFor(const IpAddress& address) {
    const auto now = m_options.clock->steadyNow();
    bool queued = false;
    std::string name;
    {
        const std::lock_guard lock(m_mutex);
        if (!m_enabled) {
            return {};
        }
        const auto found = m_cache.find(address);
        if (found != m_cache.end()) {
            name = found->second.name;
            if (found->second.pending || found->second.expires > now) {
                return name;
            }
        }
        if (m_queue.size() >= m_options.maxQueued) {
            ++m_counters.dropped;  // asked again on a later tick
            return name;
        }
        if (found != m_cache.end()) {
            m_expiry.erase({found->second.expires, address});  // in flight again
        } else if (m_cache.size() >= m_options.maxCached) {
            // Make room: forget the answered entry that expires first.
            if (m_expiry.empty()) {
                return name;  // everything is in flight
            }
            m_cache.erase(m_expiry.begin()->second);
            m_expiry.erase(m_expiry.begin());
        }
        m_cache[address].pending = true;  // an expired name is still shown until refreshed
        m_queue.push_back(address);
        queued = true;
    }
    if (queued) {
        m_queued.notify_one();
    }
    return name;
}

void HostNameResolver::setEnabled(bool enabled) {
    const std::lock_guard lock(m_mutex);
    m_enabled = enabled;
    if (!enabled) {
        m_queue.clear();
        m_cache.clear();
        m_expiry.clear();
    }
}

HostNameResolver::Counters HostNameResolver::counters() const {
    const std::lock_guard lock(m_mutex);
    return m_counters;
}

std::size_t HostNameResolver::cacheSize() const {
    const std::lock_guard lock(m_mutex);
    return m_cache.size();
}

void HostNameResolver::work(std::stop_token stop) {
    std::unique_lock lock(m_mutex);
    while (true) {
        if (!m_queued.wait(lock, stop, [this] { return !m_queue.empty(); })) {
            return;  // stop requested
        }
        const IpAddress address = m_queue.front();
        m_queue.pop_front();
        lock.unlock();
        Result<std::string> answer = m_lookup(address);
        const auto now = m_options.clock->steadyNow();
        lock.lock();
        ++m_counters.lookups;
        if (!answer) {
            ++m_counters.failures;
        }
        const auto found = m_cache.find(address);
        if (!m_enabled || found == m_cache.end()) {
            continue;  // switched off meanwhile: keep nothing
        }
        Entry& entry = found->second;
        m_expiry.erase({entry.expires, address});  // two lookups in flight: the last one counts
        entry.pending = false;
        if (answer) {
            // A PTR answer is whatever the remote name server (or an NSS module) says. Made
            // valid UTF-8 here rather than in each platform's reverseLookup: one place for every
            // OS and for injected lookups, and every name core shows comes through it.
            entry.name = toValidUtf8(*answer);
            entry.expires = now + m_options.ttl;
        } else {
            entry.expires = now + m_options.negativeTtl;  // keep any older name meanwhile
        }
        m_expiry.emplace(entry.expires, address);
    }
}

}  // namespace netmon
