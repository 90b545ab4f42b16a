// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>

namespace netmon {

// Ctrl-C / SIGINT / SIGTERM (console close on Windows) as something a main loop can wait on
// without polling. Defined by the platform library.
class StopSignal {
public:
    // Installs the handlers for the life of the process; later calls return the same object.
    static StopSignal& install();
    // True once a stop was asked for. Returns early when it is.
    bool waitFor(std::chrono::milliseconds timeout);
    [[nodiscard]] bool requested() const;
    // Asks for a stop from inside the program (e.g. `watch --count` reached its count).
    void request();

private:
    StopSignal() = default;
};

// From now on a write to a pipe whose reader has gone (`netmon watch | head -c1`) fails with
// EPIPE instead of killing the process with SIGPIPE: the writer sees the failed write and stops
// through its normal path, so capture engines are destroyed and their kernel filters removed.
// Nothing to do on Windows (a failed write is already just an error there).
void ignoreBrokenPipes();

// Whether standard output is an interactive terminal (live redraw) or a pipe/file (plain lines).
bool stdoutIsTerminal();

}  // namespace netmon
