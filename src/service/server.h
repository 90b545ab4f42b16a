// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <list>
#include <memory>
#include <mutex>
#include <thread>

#include "platform/local_socket.h"
#include "service/session_services.h"

namespace netmon::service {

// Accepts clients on the service's socket, each served on a thread of its own so a slow or
// hostile one holds up nobody else. At most kMaxClients at once; more are told so and closed.
class Server {
public:
    static constexpr std::size_t kMaxClients = 64;

    Server(platform::LocalListener listener, const SessionServices& services);
    ~Server();  // stop()
    Server(const Server&) = delete;
    Server& operator=(const Server&) = delete;

    void start();
    // Closes the listener and every client connection; returns once all threads have ended.
    void stop();

private:
    struct Client {
        platform::LocalConnection connection;
        std::jthread thread;
        bool done = false;
    };

    void acceptLoop(const std::stop_token& stop);
    void reapFinished();

    platform::LocalListener m_listener;
    const SessionServices& m_services;
    std::mutex m_clientsMutex;
    std::list<std::unique_ptr<Client>> m_clients;
    std::jthread m_acceptor;
};

}  // namespace netmon::service
