// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace netmon::test {

// Two network namespaces joined by a veth pair, made quiet so that the only traffic on the link
// is what a test sends: IPv6 off (no neighbour discovery, MLD or router solicitations) and
// permanent neighbour entries (no ARP). Removed with everything in it on destruction.
//
//   namespace a: veth `ifA`, 10.251.<n>.1/24  <——>  namespace b: veth `ifB`, 10.251.<n>.2/24
class TestNetwork {
public:
    // Why namespaces cannot be made here (not root, no `ip`, kernel refuses), or nothing.
    static std::optional<std::string> unavailableReason();

    TestNetwork();
    ~TestNetwork();
    TestNetwork(const TestNetwork&) = delete;
    TestNetwork& operator=(const TestNetwork&) = delete;

    std::string nsA, nsB, ifA, ifB, addressA, addressB;

    // argv that runs `argv` inside namespace a (or b).
    [[nodiscard]] std::vector<std::string> inA(std::vector<std::string> argv) const;
    [[nodiscard]] std::vector<std::string> inB(std::vector<std::string> argv) const;
    // A kernel counter of an interface, read from sysfs inside the namespace:
    // e.g. counter(nsA, ifA, "rx_bytes").
    [[nodiscard]] std::uint64_t counter(const std::string& ns, const std::string& interface,
                                        const std::string& name) const;
    // Deletes the veth pair now (both ends vanish), as a user unplugging it would.
    void deleteLink() const;
};

}  // namespace netmon::test
