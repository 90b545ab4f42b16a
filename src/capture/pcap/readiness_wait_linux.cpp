// SPDX-License-Identifier: GPL-3.0-or-later
#include <poll.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstdint>
#include <cstring>

#include "capture/pcap/readiness_wait.h"
#include "platform/linux/unique_fd.h"

namespace netmon::capture {

class ReadinessWait::WakeEvent {
public:
    explicit WakeEvent(linux_platform::UniqueFd fd) : m_fd(std::move(fd)) {}
    [[nodiscard]] int fd() const { return m_fd.get(); }

private:
    linux_platform::UniqueFd m_fd;
};

ReadinessWait::ReadinessWait(std::unique_ptr<WakeEvent> event) : m_event(std::move(event)) {}
ReadinessWait::ReadinessWait(ReadinessWait&&) noexcept = default;
ReadinessWait& ReadinessWait::operator=(ReadinessWait&&) noexcept = default;
ReadinessWait::~ReadinessWait() = default;

Result<ReadinessWait> ReadinessWait::create() {
    linux_platform::UniqueFd event(::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC));
    if (!event.valid()) {
        return fail(std::string("eventfd: ") + std::strerror(errno));
    }
    return ReadinessWait(std::make_unique<WakeEvent>(std::move(event)));
}

void ReadinessWait::wait(std::span<const int> fds, std::chrono::milliseconds timeout) {
    std::array<pollfd, 4> polled{};
    std::size_t count = 0;
    for (const int fd : fds) {
        if (fd >= 0 && count + 1 < polled.size()) {
            polled[count++] = {.fd = fd, .events = POLLIN, .revents = 0};
        }
    }
    polled[count++] = {.fd = m_event->fd(), .events = POLLIN, .revents = 0};
    if (::poll(polled.data(), count, static_cast<int>(timeout.count())) > 0 &&
        polled[count - 1].revents != 0) {
        std::uint64_t value = 0;
        [[maybe_unused]] const auto drained = ::read(m_event->fd(), &value, sizeof value);
    }
}

void ReadinessWait::wake() {
    const std::uint64_t one = 1;
    [[maybe_unused]] const auto written = ::write(m_event->fd(), &one, sizeof one);
}

}  // namespace netmon::capture
