// SPDX-License-Identifier: GPL-3.0-or-later
// Windows: waits on the handles' Npcap read events (pcap_getevent), which npcap_api_windows.cpp
// hands out as the handles' "selectable fds" (a kernel handle value fits in an int: Windows
// keeps them below 2^31 for 32-bit interoperability; HandleToLong/LongToHandle convert).
//
// readiness_wait.h keeps its wake-up in a Linux UniqueFd, which cannot own a Windows event, so
// wake() does nothing here: a stopping capture thread notices within its wait's timeout
// (InterfaceCapture waits at most 200 ms) instead of at once.
#include <windows.h>

#include <algorithm>
#include <array>

#include "capture/pcap/readiness_wait.h"

namespace netmon::capture {

Result<ReadinessWait> ReadinessWait::create() {
    return ReadinessWait(linux_platform::UniqueFd{});
}

void ReadinessWait::wait(std::span<const int> fds, std::chrono::milliseconds timeout) {
    std::array<HANDLE, MAXIMUM_WAIT_OBJECTS> events{};
    DWORD count = 0;
    for (const int fd : fds) {
        if (fd > 0 && count < events.size()) {
            events[count++] = ::LongToHandle(fd);
        }
    }
    const auto milliseconds = static_cast<DWORD>(std::max<std::chrono::milliseconds::rep>(
        0, std::min<std::chrono::milliseconds::rep>(timeout.count(), INFINITE - 1)));
    if (count == 0) {
        ::Sleep(milliseconds);
        return;
    }
    ::WaitForMultipleObjects(count, events.data(), FALSE, milliseconds);
}

void ReadinessWait::wake() {}

}  // namespace netmon::capture
