// SPDX-License-Identifier: GPL-3.0-or-later
// Windows: waits on the handles' Npcap read events (pcap_getevent), which npcap_api_windows.cpp
// hands out as the handles' "selectable fds" (a kernel handle value fits in an int: Windows
// keeps them below 2^31 for 32-bit interoperability; HandleToLong/LongToHandle convert), plus
// an auto-reset event of our own that wake() sets, so a stopping capture thread ends at once.
#include <windows.h>

#include <algorithm>
#include <array>

#include "capture/pcap/readiness_wait.h"
#include "platform/windows/windows_error.h"
#include "platform/windows/windows_handles.h"

namespace netmon::capture {

class ReadinessWait::WakeEvent {
public:
    explicit WakeEvent(windows_platform::UniqueHandle event) : m_event(std::move(event)) {}
    [[nodiscard]] HANDLE handle() const { return m_event.get(); }

private:
    windows_platform::UniqueHandle m_event;
};

ReadinessWait::ReadinessWait(std::unique_ptr<WakeEvent> event) : m_event(std::move(event)) {}
ReadinessWait::ReadinessWait(ReadinessWait&&) noexcept = default;
ReadinessWait& ReadinessWait::operator=(ReadinessWait&&) noexcept = default;
ReadinessWait::~ReadinessWait() = default;

Result<ReadinessWait> ReadinessWait::create() {
    // Auto-reset: the wait that sees it set clears it, so one wake() ends one wait.
    windows_platform::UniqueHandle event(::CreateEventW(nullptr, FALSE, FALSE, nullptr));
    if (!event) {
        return fail("CreateEvent: " + windows_platform::lastWindowsError());
    }
    return ReadinessWait(std::make_unique<WakeEvent>(std::move(event)));
}

void ReadinessWait::wait(std::span<const int> fds, std::chrono::milliseconds timeout) {
    std::array<HANDLE, MAXIMUM_WAIT_OBJECTS> events{};
    DWORD count = 0;
    events[count++] = m_event->handle();
    for (const int fd : fds) {
        if (fd > 0 && count < events.size()) {
            events[count++] = ::LongToHandle(fd);
        }
    }
    const auto milliseconds = static_cast<DWORD>(std::max<std::chrono::milliseconds::rep>(
        0, std::min<std::chrono::milliseconds::rep>(timeout.count(), INFINITE - 1)));
    ::WaitForMultipleObjects(count, events.data(), FALSE, milliseconds);
}

void ReadinessWait::wake() {
    ::SetEvent(m_event->handle());
}

}  // namespace netmon::capture
