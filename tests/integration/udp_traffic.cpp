// SPDX-License-Identifier: GPL-3.0-or-later
#include "integration/udp_traffic.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sched.h>
#include <sys/socket.h>
#include <unistd.h>

#include <future>
#include <stdexcept>
#include <thread>
#include <vector>

namespace netmon::test {
namespace {

// Moves the calling thread (only) into a named network namespace.
void enterNamespace(const std::string& ns) {
    const int fd = ::open(("/run/netns/" + ns).c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0 || ::setns(fd, CLONE_NEWNET) != 0) {
        if (fd >= 0) {
            ::close(fd);
        }
        throw std::runtime_error("cannot enter namespace " + ns);
    }
    ::close(fd);
}

sockaddr_in endpoint(const std::string& address, std::uint16_t port) {
    sockaddr_in out{};
    out.sin_family = AF_INET;
    out.sin_port = htons(port);
    ::inet_pton(AF_INET, address.c_str(), &out.sin_addr);
    return out;
}

}  // namespace

UdpTransfer sendUdpFromBToA(const TestNetwork& network, int count, int payloadSize,
                            std::uint16_t port) {
    std::promise<void> bound;
    auto boundFuture = bound.get_future();
    auto receiver = std::async(std::launch::async, [&]() -> int {
        enterNamespace(network.nsA);
        const int fd = ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        const sockaddr_in local = endpoint(network.addressA, port);
        const int bufferSize = 4 * 1024 * 1024;
        ::setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &bufferSize, sizeof bufferSize);
        if (::bind(fd, reinterpret_cast<const sockaddr*>(&local), sizeof local) != 0) {
            ::close(fd);
            bound.set_exception(std::make_exception_ptr(std::runtime_error("bind failed")));
            return 0;
        }
        timeval timeout{2, 0};
        ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
        bound.set_value();
        std::vector<char> buffer(static_cast<std::size_t>(payloadSize) + 1);
        int received = 0;
        while (received < count) {
            if (::recv(fd, buffer.data(), buffer.size(), 0) < 0) {
                break;  // timed out: report what arrived
            }
            ++received;
        }
        ::close(fd);
        return received;
    });
    boundFuture.get();

    auto sender = std::async(std::launch::async, [&]() -> int {
        enterNamespace(network.nsB);
        const int fd = ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        const sockaddr_in remote = endpoint(network.addressA, port);
        const std::vector<char> payload(static_cast<std::size_t>(payloadSize), 'x');
        int sent = 0;
        for (int i = 0; i < count; ++i) {
            if (::sendto(fd, payload.data(), payload.size(), 0,
                         reinterpret_cast<const sockaddr*>(&remote),
                         sizeof remote) == static_cast<ssize_t>(payload.size())) {
                ++sent;
            }
        }
        ::close(fd);
        return sent;
    });
    UdpTransfer transfer;
    transfer.sent = sender.get();
    transfer.received = receiver.get();
    return transfer;
}

}  // namespace netmon::test
