// SPDX-License-Identifier: GPL-3.0-or-later
#include "service/server.h"

#include "protocol/messages.h"
#include "service/client_session.h"

namespace netmon::service {

Server::Server(platform::LocalListener listener, const SessionServices& services)
    : m_listener(std::move(listener)), m_services(services) {}

Server::~Server() {
    stop();
}

void Server::start() {
    m_acceptor = std::jthread([this](const std::stop_token& stop) { acceptLoop(stop); });
}

void Server::acceptLoop(const std::stop_token& stop) {
    while (!stop.stop_requested()) {
        auto connection = m_listener.accept();
        if (!connection) {
            return;  // closed by stop()
        }
        reapFinished();
        const std::lock_guard lock(m_clientsMutex);
        if (m_clients.size() >= kMaxClients) {
            (void)connection->write(
                protocol::errorLine({"the service is serving as many clients as it allows",
                                     "close another client, then try again"}),
                std::chrono::milliseconds{100});
            continue;
        }
        auto client = std::make_unique<Client>(Client{std::move(*connection), {}, false});
        Client* raw = client.get();
        m_clients.push_back(std::move(client));
        raw->thread = std::jthread([this, raw](const std::stop_token& clientStop) {
            serveClient(raw->connection, m_services, clientStop);
            raw->connection.shutdown();  // the client sees the end now, not when reaped
            const std::lock_guard doneLock(m_clientsMutex);
            raw->done = true;
        });
    }
}

void Server::reapFinished() {
    std::list<std::unique_ptr<Client>> finished;
    {
        const std::lock_guard lock(m_clientsMutex);
        for (auto it = m_clients.begin(); it != m_clients.end();) {
            if ((*it)->done) {
                finished.splice(finished.end(), m_clients, it++);
            } else {
                ++it;
            }
        }
    }
    finished.clear();  // joins outside the lock: the thread takes it to mark itself done
}

void Server::stop() {
    if (!m_acceptor.joinable()) {
        return;
    }
    m_acceptor.request_stop();
    m_listener.close();
    m_acceptor.join();
    std::list<std::unique_ptr<Client>> clients;
    {
        const std::lock_guard lock(m_clientsMutex);
        for (auto& client : m_clients) {
            client->thread.request_stop();
            client->connection.shutdown();
        }
        clients.swap(m_clients);
    }
    clients.clear();
}

}  // namespace netmon::service
