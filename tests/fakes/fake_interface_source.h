// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <deque>
#include <mutex>
#include <string>
#include <vector>

#include "core/sources/interface_source.h"

namespace netmon::test {

// Answers read() with readings (or failures) that a test queues; repeats the last when empty.
class FakeInterfaceSource final : public InterfaceSource {
public:
    void push(std::vector<InterfaceStat> reading) {
        const std::lock_guard lock(m_mutex);
        m_queue.emplace_back(std::move(reading));
    }
    void pushFailure(std::string message) {
        const std::lock_guard lock(m_mutex);
        m_queue.emplace_back(fail(std::move(message)));
    }
    Result<std::vector<InterfaceStat>> read() override {
        const std::lock_guard lock(m_mutex);
        ++m_reads;
        if (m_queue.empty()) {
            return m_last;
        }
        m_last = std::move(m_queue.front());
        m_queue.pop_front();
        return m_last;
    }
    [[nodiscard]] std::string_view mechanism() const override { return "fake"; }
    [[nodiscard]] int reads() const {
        const std::lock_guard lock(m_mutex);
        return m_reads;
    }

private:
    mutable std::mutex m_mutex;
    std::deque<Result<std::vector<InterfaceStat>>> m_queue;
    Result<std::vector<InterfaceStat>> m_last = std::vector<InterfaceStat>{};
    int m_reads = 0;
};

inline InterfaceStat makeInterface(std::string name, std::uint32_t index, std::uint64_t rxBytes,
                                   std::uint64_t txBytes, std::uint64_t rxPackets = 0,
                                   std::uint64_t txPackets = 0) {
    InterfaceStat stat;
    stat.name = std::move(name);
    stat.index = index;
    stat.state = OperState::Up;
    stat.kind = InterfaceKind::Ethernet;
    stat.counters.rxBytes = rxBytes;
    stat.counters.txBytes = txBytes;
    stat.counters.rxPackets = rxPackets;
    stat.counters.txPackets = txPackets;
    return stat;
}

}  // namespace netmon::test
