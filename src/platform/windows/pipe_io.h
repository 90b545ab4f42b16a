// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>

#include "platform/windows/windows_api.h"

namespace netmon::windows_platform {

// How one overlapped call on a pipe ended.
enum class IoEnd { Done, TimedOut, Woken, Failed };

struct IoOutcome {
    IoEnd end = IoEnd::Failed;
    DWORD bytes = 0;  // transferred (also when a cancel raced with completion)
    DWORD error = 0;  // the Win32 error when Failed
};

// Waits for an overlapped call on `handle` with `overlapped` (`startError`: 0 when the call
// returned TRUE, else GetLastError() right after it), until it completes, `timeout` passes, or
// `wake` is set. A call
// still pending then is cancelled and its cancellation awaited, so `overlapped` and its buffer
// may go out of scope when this returns.
IoOutcome finishOverlapped(HANDLE handle, OVERLAPPED& overlapped, DWORD startError, HANDLE wake,
                           std::chrono::milliseconds timeout);

// A timeout as a Windows wait wants it: 0 … INFINITE-1 ms.
DWORD waitMilliseconds(std::chrono::milliseconds timeout);

}  // namespace netmon::windows_platform
