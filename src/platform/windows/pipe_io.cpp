// SPDX-License-Identifier: GPL-3.0-or-later
#include "platform/windows/pipe_io.h"

namespace netmon::windows_platform {

DWORD waitMilliseconds(std::chrono::milliseconds timeout) {
    if (timeout.count() <= 0) {
        return 0;
    }
    if (timeout.count() >= static_cast<long long>(INFINITE)) {
        return INFINITE - 1;
    }
    return static_cast<DWORD>(timeout.count());
}

IoOutcome finishOverlapped(HANDLE handle, OVERLAPPED& overlapped, DWORD startError, HANDLE wake,
                           std::chrono::milliseconds timeout) {
    IoOutcome outcome;
    if (startError != 0) {
        if (startError != ERROR_IO_PENDING) {
            outcome.error = startError;
            return outcome;
        }
        const HANDLE events[2] = {overlapped.hEvent, wake};
        const DWORD count = wake != nullptr ? 2 : 1;
        const DWORD woke =
            ::WaitForMultipleObjects(count, events, FALSE, waitMilliseconds(timeout));
        if (woke != WAIT_OBJECT_0) {
            ::CancelIoEx(handle, &overlapped);
            outcome.end = woke == WAIT_OBJECT_0 + 1 ? IoEnd::Woken : IoEnd::TimedOut;
        }
    }
    // Completed, or cancelled just now: either way the call is over once this returns.
    if (::GetOverlappedResult(handle, &overlapped, &outcome.bytes, TRUE) != 0) {
        outcome.end = IoEnd::Done;  // a cancel that came too late leaves a finished call
        return outcome;
    }
    const DWORD error = ::GetLastError();
    if (error != ERROR_OPERATION_ABORTED || outcome.end == IoEnd::Failed) {
        outcome.end = IoEnd::Failed;
        outcome.error = error;
    }
    return outcome;
}

}  // namespace netmon::windows_platform
