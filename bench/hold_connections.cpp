// SPDX-License-Identifier: GPL-3.0-or-later
// Holds N established TCP connections on loopback (a listener and N connected pairs) until
// killed, trickling one byte per connection per second so every flow has traffic: the load
// for bench/record_cost.sh's "with live connections" figure.
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

#include "fakes/loopback_sockets.h"

int main(int argc, char** argv) {
    using namespace netmon::test;
    const int count = argc > 1 ? std::atoi(argv[1]) : 1000;
    rlimit limit{static_cast<rlim_t>(2 * count + 64), static_cast<rlim_t>(2 * count + 64)};
    ::setrlimit(RLIMIT_NOFILE, &limit);
    const UniqueFd listener = listeningSocket("127.0.0.1", count);
    std::vector<TcpPair> pairs;
    pairs.reserve(static_cast<std::size_t>(count));
    for (int i = 0; i < count; ++i) {
        pairs.push_back(connectedPair(listener.get(), "127.0.0.1", "127.0.0.1"));
    }
    std::printf("holding %d connections\n", count);
    std::fflush(stdout);
    for (;;) {
        for (TcpPair& pair : pairs) {
            sendAll(pair.client.get(), 1);
            receive(pair.server.get(), 1);
        }
        std::this_thread::sleep_for(std::chrono::seconds{1});
    }
}
