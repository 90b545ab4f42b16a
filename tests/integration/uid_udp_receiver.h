// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <string>

namespace netmon::test {

// A process of another user: a child that enters network namespace `ns`, becomes `uid` (and
// gid `uid`, no other groups), binds a UDP socket on `port` and receives until it is ended.
// The socket, and so the flow, belongs to that uid. Killed and reaped on destruction.
class UidUdpReceiver {
public:
    UidUdpReceiver(const std::string& ns, std::uint32_t uid, std::uint16_t port);
    ~UidUdpReceiver();
    UidUdpReceiver(const UidUdpReceiver&) = delete;
    UidUdpReceiver& operator=(const UidUdpReceiver&) = delete;
    [[nodiscard]] pid_t pid() const { return m_pid; }

private:
    pid_t m_pid = -1;
};

// Sends `count` datagrams of `payload` bytes from namespace `fromNs` to address:port.
void sendUdp(const std::string& fromNs, const std::string& address, std::uint16_t port, int count,
             int payload);

}  // namespace netmon::test
