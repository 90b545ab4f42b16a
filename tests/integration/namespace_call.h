// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <fcntl.h>
#include <sched.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <exception>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>
#include <utility>

namespace netmon::test {

// Runs `call` on a thread that entered network namespace `ns` first, and returns its result.
// What the call opens (sockets, pcap handles) belongs to that namespace for good; threads it
// starts are in it too.
template <typename Call>
auto inNamespace(const std::string& ns, Call&& call) -> decltype(call()) {
    std::string failure;
    std::exception_ptr thrown;
    std::optional<decltype(call())> result;
    std::thread runner([&] {
        const int nsFd = ::open(("/run/netns/" + ns).c_str(), O_RDONLY | O_CLOEXEC);
        if (nsFd < 0 || ::setns(nsFd, CLONE_NEWNET) != 0) {
            failure = "cannot enter namespace " + ns + ": " + std::strerror(errno);
        } else {
            try {
                result.emplace(call());
            } catch (...) {
                thrown = std::current_exception();
            }
        }
        if (nsFd >= 0) {
            ::close(nsFd);
        }
    });
    runner.join();
    if (!failure.empty()) {
        throw std::runtime_error(failure);
    }
    if (thrown) {
        std::rethrow_exception(thrown);
    }
    return std::move(*result);
}

}  // namespace netmon::test
