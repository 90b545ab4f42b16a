// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <deque>
#include <mutex>
#include <unordered_map>

#include "core/sources/process_source.h"
#include "core/sources/socket_source.h"

namespace netmon::test {

// Answers read() with readings (or failures) a test queues; repeats the last when empty.
class FakeSocketSource final : public SocketSource {
public:
    void push(SocketReading reading) { m_queue.emplace_back(std::move(reading)); }
    void pushFailure(std::string message) { m_queue.emplace_back(fail(std::move(message))); }
    Result<SocketReading> read() override {
        ++reads;
        if (!m_queue.empty()) {
            m_last = std::move(m_queue.front());
            m_queue.pop_front();
        }
        return m_last;
    }
    [[nodiscard]] std::string_view mechanism() const override { return "fake"; }
    [[nodiscard]] bool reportsClosedSockets() const override { return true; }

    int reads = 0;  // read() calls so far

private:
    std::deque<Result<SocketReading>> m_queue;
    Result<SocketReading> m_last = SocketReading{};
};

// Owners from a table the test fills; unknown inodes have no owner.
class FakeProcessSource final : public ProcessSource {
public:
    void set(std::uint64_t inode, SocketOwner owner) { m_owners[inode] = std::move(owner); }
    std::unordered_map<std::uint64_t, SocketOwner> owners(
        const std::vector<SocketQuery>& sockets) override {
        std::unordered_map<std::uint64_t, SocketOwner> out;
        for (const SocketQuery& query : sockets) {
            const auto found = m_owners.find(query.inode);
            out[query.inode] = found != m_owners.end() ? found->second : SocketOwner{};
        }
        return out;
    }

private:
    std::unordered_map<std::uint64_t, SocketOwner> m_owners;
};

inline SocketOwner ownedBy(std::uint32_t pid, std::string name) {
    SocketOwner owner;
    owner.visibility = OwnerVisibility::Known;
    owner.process.pid = pid;
    owner.process.name = std::move(name);
    owner.process.executable = "/usr/bin/" + owner.process.name;
    return owner;
}

// A reading of open sockets only.
inline SocketReading opened(std::vector<SocketRecord> records) {
    SocketReading reading;
    reading.open = std::move(records);
    return reading;
}

// A TCP socket record; addresses as text ("192.0.2.1" or "2001:db8::1").
inline SocketRecord tcpSocket(const char* local, std::uint16_t localPort, const char* remote,
                              std::uint16_t remotePort, std::uint64_t cookie,
                              std::uint64_t bytesReceived, std::uint64_t bytesSent,
                              std::uint64_t inode = 0, const char* state = "ESTABLISHED") {
    SocketRecord record;
    record.key.protocol = Protocol::Tcp;
    record.key.localAddress = IpAddress::parse(local).value();
    record.key.localPort = localPort;
    record.key.remoteAddress = IpAddress::parse(remote).value();
    record.key.remotePort = remotePort;
    record.cookie = cookie;
    record.inode = inode;
    record.state = state;
    record.listening = std::string_view(state) == "LISTEN";
    record.bytesReceived = bytesReceived;
    record.bytesSent = bytesSent;
    return record;
}

}  // namespace netmon::test
