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
#include <type_traits>
#include <utility>

namespace netmon::test {

// Runs `call` on a thread of its own that first entered network namespace `ns` (a name under
// /run/netns, as `ip netns add` makes it), and returns what the call returns; what it throws is
// thrown here. Sockets and netlink handles the call opens belong to that namespace for good,
// and threads it starts are in it too, while the calling thread stays where it was. Throws
// std::runtime_error when the namespace cannot be entered.
template <typename Call>
auto inNetworkNamespace(const std::string& ns, Call&& call) -> std::invoke_result_t<Call&> {
    using Value = std::invoke_result_t<Call&>;
    constexpr bool kVoid = std::is_void_v<Value>;
    std::string failure;
    std::exception_ptr thrown;
    std::optional<std::conditional_t<kVoid, bool, Value>> result;
    std::thread runner([&] {
        const int nsFd = ::open(("/run/netns/" + ns).c_str(), O_RDONLY | O_CLOEXEC);
        const bool entered = nsFd >= 0 && ::setns(nsFd, CLONE_NEWNET) == 0;
        const int error = errno;
        if (nsFd >= 0) {
            ::close(nsFd);  // setns needs the file no longer
        }
        if (!entered) {
            failure = "cannot enter network namespace " + ns + ": " + std::strerror(error);
            return;
        }
        try {
            if constexpr (kVoid) {
                call();
                result.emplace(true);
            } else {
                result.emplace(call());
            }
        } catch (...) {
            thrown = std::current_exception();
        }
    });
    runner.join();  // the thread, still in the namespace, ends here
    if (!failure.empty()) {
        throw std::runtime_error(failure);
    }
    if (thrown) {
        std::rethrow_exception(thrown);
    }
    if constexpr (!kVoid) {
        return std::move(*result);
    }
}

}  // namespace netmon::test
