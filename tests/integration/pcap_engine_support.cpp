// SPDX-License-Identifier: GPL-3.0-or-later
#include "integration/pcap_engine_support.h"

#include <gtest/gtest.h>
#include <sys/socket.h>
#include <sys/time.h>

#include <chrono>
#include <stdexcept>
#include <thread>
#include <vector>

#include "integration/child_process.h"
#include "integration/namespace_socket.h"

namespace netmon::test {
namespace {

void mustRun(const std::vector<std::string>& argv) {
    const CommandResult result = runCommand(argv);
    if (result.status != 0) {
        throw std::runtime_error(argv[0] + " " + argv[1] + " … failed: " + result.err);
    }
}

bool operator==(const InterfaceCounters& a, const InterfaceCounters& b) {
    return a.rxBytes == b.rxBytes && a.txBytes == b.txBytes && a.rxPackets == b.rxPackets &&
           a.txPackets == b.txPackets;
}

InterfaceCounters grownSince(const InterfaceCounters& now, const InterfaceCounters& baseline) {
    return {now.rxBytes - baseline.rxBytes, now.txBytes - baseline.txBytes,
            now.rxPackets - baseline.rxPackets, now.txPackets - baseline.txPackets};
}

}  // namespace

InterfaceCounters kernelCounters(const TestNetwork& network, const std::string& interface) {
    return {network.counter(network.nsA, interface, "rx_bytes"),
            network.counter(network.nsA, interface, "tx_bytes"),
            network.counter(network.nsA, interface, "rx_packets"),
            network.counter(network.nsA, interface, "tx_packets")};
}

InterfaceCounters engineTotals(const CaptureReading& reading, const std::string& interface,
                               const std::string& localAddress) {
    InterfaceCounters totals;
    const auto local = IpAddress::parse(localAddress);
    for (const CapturedFlow& flow : reading.flows) {
        if (local && flow.key.localAddress == *local) {
            totals.rxBytes += flow.bytesIn;
            totals.txBytes += flow.bytesOut;
            totals.rxPackets += flow.packetsIn;
            totals.txPackets += flow.packetsOut;
        }
    }
    for (const CaptureInterfaceStats& stats : reading.interfaces) {
        if (stats.interfaceName == interface) {
            totals.rxBytes += stats.other.bytesIn;
            totals.txBytes += stats.other.bytesOut;
            totals.rxPackets += stats.other.packetsIn;
            totals.txPackets += stats.other.packetsOut;
        }
    }
    return totals;
}

CaptureReading readUntilMatching(CaptureEngine& engine, const TestNetwork& network,
                                 const std::string& interface, const std::string& localAddress,
                                 const InterfaceCounters& baseline) {
    CaptureReading reading;
    std::vector<std::string> warnings;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (std::chrono::steady_clock::now() < deadline) {
        auto read = engine.read();
        if (!read) {
            ADD_FAILURE() << read.error().describe();
            return reading;
        }
        reading = std::move(*read);
        warnings.insert(warnings.end(), reading.warnings.begin(), reading.warnings.end());
        const InterfaceCounters kernel = grownSince(kernelCounters(network, interface), baseline);
        if (engineTotals(reading, interface, localAddress) == kernel) {
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    reading.warnings = std::move(warnings);
    return reading;
}

void expectSumsEqualCounters(const CaptureReading& reading, const TestNetwork& network,
                             const std::string& interface, const std::string& localAddress,
                             const InterfaceCounters& baseline) {
    const InterfaceCounters kernel = grownSince(kernelCounters(network, interface), baseline);
    const InterfaceCounters engine = engineTotals(reading, interface, localAddress);
    EXPECT_EQ(engine.rxBytes, kernel.rxBytes) << interface;
    EXPECT_EQ(engine.txBytes, kernel.txBytes) << interface;
    EXPECT_EQ(engine.rxPackets, kernel.rxPackets) << interface;
    EXPECT_EQ(engine.txPackets, kernel.txPackets) << interface;
    EXPECT_GT(kernel.rxPackets, 0u) << interface;
}

std::optional<CapturedFlow> findFlow(const CaptureReading& reading, Protocol protocol,
                                     const std::string& localAddress, std::uint16_t localPort,
                                     const std::string& remoteAddress,
                                     std::optional<std::uint16_t> remotePort) {
    for (const CapturedFlow& flow : reading.flows) {
        const FlowKey& key = flow.key;
        if (key.protocol == protocol && key.localAddress == IpAddress::parse(localAddress) &&
            key.localPort == localPort && key.remoteAddress == IpAddress::parse(remoteAddress) &&
            (!remotePort || key.remotePort == *remotePort)) {
            return flow;
        }
    }
    return std::nullopt;
}

CapturedFlow totalOfFlows(const CaptureReading& reading, Protocol protocol,
                          const std::string& localAddress, std::uint16_t localPort) {
    CapturedFlow total;
    for (const CapturedFlow& flow : reading.flows) {
        if (flow.key.protocol == protocol &&
            flow.key.localAddress == IpAddress::parse(localAddress) &&
            flow.key.localPort == localPort) {
            total.bytesIn += flow.bytesIn;
            total.bytesOut += flow.bytesOut;
            total.packetsIn += flow.packetsIn;
            total.packetsOut += flow.packetsOut;
        }
    }
    return total;
}

ExtraLink::ExtraLink(const TestNetwork& network, const std::string& tag) : m_network(network) {
    ifA = "nmx" + tag + "a";
    ifB = "nmx" + tag + "b";
    const std::string subnet = "10.252." + std::to_string(static_cast<int>(tag[0])) + ".";
    addressA = subnet + "1";
    addressB = subnet + "2";
    const std::string& nsA = network.nsA;
    const std::string& nsB = network.nsB;
    const std::string macA = "02:00:00:00:0c:01";
    const std::string macB = "02:00:00:00:0c:02";
    mustRun({"ip", "-n", nsA, "link", "add", ifA, "address", macA, "type", "veth", "peer", "name",
             ifB, "address", macB, "netns", nsB});
    mustRun({"ip", "-n", nsA, "addr", "add", addressA + "/24", "dev", ifA});
    mustRun({"ip", "-n", nsB, "addr", "add", addressB + "/24", "dev", ifB});
    mustRun({"ip", "-n", nsA, "neigh", "add", addressB, "lladdr", macB, "dev", ifA, "nud",
             "permanent"});
    mustRun({"ip", "-n", nsB, "neigh", "add", addressA, "lladdr", macA, "dev", ifB, "nud",
             "permanent"});
    mustRun({"ip", "-n", nsA, "link", "set", ifA, "up"});
    mustRun({"ip", "-n", nsB, "link", "set", ifB, "up"});
}

ExtraLink::~ExtraLink() {
    if (m_present) {
        runCommand({"ip", "-n", m_network.nsA, "link", "del", ifA});
    }
}

void ExtraLink::remove() {
    mustRun({"ip", "-n", m_network.nsA, "link", "del", ifA});
    m_present = false;
}

void ExtraLink::sendUdpFromB(int count, int size, std::uint16_t port) const {
    NamespaceSocket receiver(m_network.nsA, SOCK_DGRAM);
    timeval timeout{2, 0};
    ::setsockopt(receiver.fd(), SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    bindTo(receiver, addressA, port);
    NamespaceSocket sender(m_network.nsB, SOCK_DGRAM);
    connectTo(sender, addressA, port);
    std::vector<char> buffer(static_cast<std::size_t>(size), 'x');
    for (int i = 0; i < count; ++i) {
        ::send(sender.fd(), buffer.data(), buffer.size(), 0);
    }
    for (int i = 0; i < count; ++i) {
        if (::recv(receiver.fd(), buffer.data(), buffer.size(), 0) < 0) {
            throw std::runtime_error("a datagram over " + ifA + " did not arrive");
        }
    }
}

}  // namespace netmon::test
