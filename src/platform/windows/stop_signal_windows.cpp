// SPDX-License-Identifier: GPL-3.0-or-later
#include <windows.h>

#include <atomic>

#include "platform/stop_signal.h"

namespace netmon {
namespace {

// A manual-reset event: once set, every wait returns at once.
HANDLE g_event = nullptr;
std::atomic<bool> g_requested{false};

void signalStop() {
    g_requested.store(true);
    if (g_event != nullptr) {
        ::SetEvent(g_event);
    }
}

BOOL WINAPI onConsoleEvent(DWORD type) {
    switch (type) {
        case CTRL_C_EVENT:
        case CTRL_BREAK_EVENT:
            signalStop();
            return TRUE;
        case CTRL_CLOSE_EVENT:
        case CTRL_LOGOFF_EVENT:
        case CTRL_SHUTDOWN_EVENT:
            // Windows ends the process when this handler returns (and after ~5 s regardless):
            // give the main loop time to take its last sample and write it.
            signalStop();
            ::Sleep(4000);
            return TRUE;
        default:
            return FALSE;
    }
}

}  // namespace

StopSignal& StopSignal::install() {
    static StopSignal instance = [] {
        // Lives as long as the process: the console handler may run until the very end.
        g_event = ::CreateEventW(nullptr, TRUE, FALSE, nullptr);
        ::SetConsoleCtrlHandler(onConsoleEvent, TRUE);
        return StopSignal{};
    }();
    return instance;
}

bool StopSignal::waitFor(std::chrono::milliseconds timeout) {
    if (g_requested.load() || g_event == nullptr) {
        return g_requested.load();
    }
    const auto milliseconds = timeout.count() <= 0          ? DWORD{0}
                              : timeout.count() >= INFINITE ? DWORD{INFINITE - 1}
                                                            : static_cast<DWORD>(timeout.count());
    ::WaitForSingleObject(g_event, milliseconds);
    return g_requested.load();
}

bool StopSignal::requested() const {
    return g_requested.load();
}

void StopSignal::request() {
    signalStop();
}

void ignoreBrokenPipes() {}  // no SIGPIPE: a write to a closed pipe just fails

bool stdoutIsTerminal() {
    const HANDLE output = ::GetStdHandle(STD_OUTPUT_HANDLE);
    DWORD mode = 0;
    return output != nullptr && output != INVALID_HANDLE_VALUE &&
           ::GetFileType(output) == FILE_TYPE_CHAR && ::GetConsoleMode(output, &mode) != 0;
}

}  // namespace netmon
