// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <unordered_map>
#include <vector>

#include "core/model/flow_key.h"
#include "core/model/ip_address.h"

namespace netmon::capture {

// Identifies the fragments of one datagram: addresses, protocol, IP identification.
struct FragmentKey {
    IpAddress source;
    IpAddress destination;
    std::uint32_t id = 0;
    std::uint8_t protocol = 0;
    friend bool operator==(const FragmentKey&, const FragmentKey&) = default;
};

struct FragmentKeyHash {
    std::size_t operator()(const FragmentKey& key) const noexcept;
};

// What the first fragment's transport header said.
struct FragmentFlow {
    Protocol protocol = Protocol::Other;
    std::uint16_t sourcePort = 0;
    std::uint16_t destinationPort = 0;
};

// Ports of recent first fragments, so later fragments (which carry no transport header) count
// under the same flow. Bounded: past `capacity` datagrams the oldest is forgotten, and its later
// fragments then count with ports 0.
class FragmentTracker {
public:
    explicit FragmentTracker(std::size_t capacity = 1024);

    void remember(const FragmentKey& key, FragmentFlow flow);
    [[nodiscard]] std::optional<FragmentFlow> find(const FragmentKey& key) const;
    [[nodiscard]] std::size_t size() const { return m_flows.size(); }

private:
    std::unordered_map<FragmentKey, FragmentFlow, FragmentKeyHash> m_flows;
    std::vector<FragmentKey> m_order;  // a ring: m_order[m_next] is the oldest when full
    std::size_t m_next = 0;
    std::size_t m_capacity;
};

}  // namespace netmon::capture
