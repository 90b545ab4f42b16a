// SPDX-License-Identifier: GPL-3.0-or-later
#include "integration/udp_traffic.h"

#include <sys/socket.h>
#include <sys/time.h>

#include <future>
#include <vector>

#include "integration/namespace_socket.h"

namespace netmon::test {

UdpTransfer sendUdpFromBToA(const TestNetwork& network, int count, int payloadSize,
                            std::uint16_t port) {
    NamespaceSocket receiver(network.nsA, SOCK_DGRAM);
    const int bufferSize = 4 * 1024 * 1024;
    ::setsockopt(receiver.fd(), SOL_SOCKET, SO_RCVBUF, &bufferSize, sizeof bufferSize);
    timeval timeout{2, 0};
    ::setsockopt(receiver.fd(), SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    bindTo(receiver, network.addressA, port);

    auto received = std::async(std::launch::async, [&]() -> int {
        std::vector<char> buffer(static_cast<std::size_t>(payloadSize) + 1);
        int datagrams = 0;
        while (datagrams < count && ::recv(receiver.fd(), buffer.data(), buffer.size(), 0) >= 0) {
            ++datagrams;  // a timeout ends the loop: report what arrived
        }
        return datagrams;
    });

    NamespaceSocket sender(network.nsB, SOCK_DGRAM);
    connectTo(sender, network.addressA, port);
    const std::vector<char> payload(static_cast<std::size_t>(payloadSize), 'x');
    UdpTransfer transfer;
    for (int i = 0; i < count; ++i) {
        if (::send(sender.fd(), payload.data(), payload.size(), 0) ==
            static_cast<ssize_t>(payload.size())) {
            ++transfer.sent;
        }
    }
    transfer.received = received.get();
    return transfer;
}

}  // namespace netmon::test
