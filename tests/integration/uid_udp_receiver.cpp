// SPDX-License-Identifier: GPL-3.0-or-later
#include "integration/uid_udp_receiver.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <grp.h>
#include <netinet/in.h>
#include <sched.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <stdexcept>
#include <vector>

#include "integration/namespace_socket.h"

namespace netmon::test {

UidUdpReceiver::UidUdpReceiver(const std::string& ns, std::uint32_t uid, std::uint16_t port) {
    const std::string nsPath = "/run/netns/" + ns;
    int ready[2];
    if (::pipe2(ready, O_CLOEXEC) != 0) {
        throw std::runtime_error("pipe failed");
    }
    m_pid = ::fork();
    if (m_pid < 0) {
        throw std::runtime_error("fork failed");
    }
    if (m_pid == 0) {
        // Child: system calls only (the parent may have threads).
        const int nsFd = ::open(nsPath.c_str(), O_RDONLY | O_CLOEXEC);
        const gid_t gid = uid;
        if (nsFd < 0 || ::setns(nsFd, CLONE_NEWNET) != 0 || ::setgroups(0, nullptr) != 0 ||
            ::setresgid(gid, gid, gid) != 0 || ::setresuid(uid, uid, uid) != 0) {
            ::_exit(2);
        }
        const int fd = ::socket(AF_INET, SOCK_DGRAM, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(port);
        if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)) != 0) {
            ::_exit(3);
        }
        const char byte = 1;
        if (::write(ready[1], &byte, 1) != 1) {
            ::_exit(4);
        }
        char buffer[65536];
        for (;;) {
            if (::recv(fd, buffer, sizeof(buffer), 0) < 0) {
                ::pause();
            }
        }
    }
    ::close(ready[1]);
    char byte = 0;
    const ssize_t got = ::read(ready[0], &byte, 1);
    ::close(ready[0]);
    if (got != 1) {
        ::waitpid(m_pid, nullptr, 0);
        m_pid = -1;
        throw std::runtime_error("the receiver as uid " + std::to_string(uid) + " did not start");
    }
}

UidUdpReceiver::~UidUdpReceiver() {
    if (m_pid > 0) {
        ::kill(m_pid, SIGKILL);
        ::waitpid(m_pid, nullptr, 0);
    }
}

void sendUdp(const std::string& fromNs, const std::string& address, std::uint16_t port, int count,
             int payload) {
    const NamespaceSocket socket(fromNs, SOCK_DGRAM);
    connectTo(socket, address, port);
    const std::vector<char> data(static_cast<std::size_t>(payload), 'n');
    for (int i = 0; i < count; ++i) {
        if (::send(socket.fd(), data.data(), data.size(), 0) != payload) {
            throw std::runtime_error("send failed");
        }
        ::usleep(1000);  // the receiver keeps up: none dropped from its queue
    }
}

}  // namespace netmon::test
