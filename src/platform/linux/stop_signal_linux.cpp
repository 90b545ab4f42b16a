// SPDX-License-Identifier: GPL-3.0-or-later
#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <csignal>

#include "platform/stop_signal.h"

namespace netmon {
namespace {

// Self-pipe: the handler writes one byte (async-signal-safe), waiters poll the read end.
int g_pipe[2] = {-1, -1};
std::atomic<bool> g_requested{false};

void onSignal(int) {
    g_requested.store(true);
    const char byte = 1;
    [[maybe_unused]] const ssize_t ignored = ::write(g_pipe[1], &byte, 1);
}

}  // namespace

StopSignal& StopSignal::install() {
    static StopSignal instance = [] {
        if (::pipe2(g_pipe, O_CLOEXEC | O_NONBLOCK) == 0) {
            struct sigaction action {};
            action.sa_handler = onSignal;
            sigemptyset(&action.sa_mask);
            ::sigaction(SIGINT, &action, nullptr);
            ::sigaction(SIGTERM, &action, nullptr);
            ::sigaction(SIGHUP, &action, nullptr);
        }
        return StopSignal{};
    }();
    return instance;
}

bool StopSignal::waitFor(std::chrono::milliseconds timeout) {
    if (g_requested.load()) {
        return true;
    }
    pollfd waiter{g_pipe[0], POLLIN, 0};
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (!g_requested.load()) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) {
            break;
        }
        const int ready = ::poll(&waiter, 1, static_cast<int>(left.count()));
        if (ready < 0 && errno != EINTR) {
            break;
        }
    }
    return g_requested.load();
}

bool StopSignal::requested() const {
    return g_requested.load();
}

void StopSignal::request() {
    onSignal(0);
}

void ignoreBrokenPipes() {
    struct sigaction action {};
    action.sa_handler = SIG_IGN;
    sigemptyset(&action.sa_mask);
    ::sigaction(SIGPIPE, &action, nullptr);
}

bool stdoutIsTerminal() {
    return ::isatty(STDOUT_FILENO) == 1;
}

}  // namespace netmon
