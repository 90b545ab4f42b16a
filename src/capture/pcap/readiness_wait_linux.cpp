// SPDX-License-Identifier: GPL-3.0-or-later
#include <poll.h>
#include <sys/eventfd.h>

#include <array>
#include <cerrno>
#include <cstdint>
#include <cstring>

#include "capture/pcap/readiness_wait.h"

namespace netmon::capture {

Result<ReadinessWait> ReadinessWait::create() {
    linux_platform::UniqueFd event(::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC));
    if (!event.valid()) {
        return fail(std::string("eventfd: ") + std::strerror(errno));
    }
    return ReadinessWait(std::move(event));
}

void ReadinessWait::wait(std::span<const int> fds, std::chrono::milliseconds timeout) {
    std::array<pollfd, 4> polled{};
    std::size_t count = 0;
    for (const int fd : fds) {
        if (fd >= 0 && count + 1 < polled.size()) {
            polled[count++] = {.fd = fd, .events = POLLIN, .revents = 0};
        }
    }
    polled[count++] = {.fd = m_event.get(), .events = POLLIN, .revents = 0};
    if (::poll(polled.data(), count, static_cast<int>(timeout.count())) > 0 &&
        polled[count - 1].revents != 0) {
        std::uint64_t value = 0;
        [[maybe_unused]] const auto drained = ::read(m_event.get(), &value, sizeof value);
    }
}

void ReadinessWait::wake() {
    const std::uint64_t one = 1;
    [[maybe_unused]] const auto written = ::write(m_event.get(), &one, sizeof one);
}

}  // namespace netmon::capture
