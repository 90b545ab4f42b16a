// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <sys/types.h>

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace netmon::test {

// A program the test started, with its standard output and error read through pipes.
// Ends it (SIGTERM, then SIGKILL) if the test did not.
class ChildProcess {
public:
    explicit ChildProcess(const std::vector<std::string>& argv);
    ~ChildProcess();
    ChildProcess(const ChildProcess&) = delete;
    ChildProcess& operator=(const ChildProcess&) = delete;

    // The next line of standard output (without '\n'), or nothing on timeout or end of output.
    std::optional<std::string> readLine(std::chrono::milliseconds timeout);
    // The next `count` bytes of standard output (fewer on timeout or end of output).
    std::string readBytes(std::size_t count, std::chrono::milliseconds timeout);
    // Closes our end of its standard output, as a reader that stops reading (`| head -c1`):
    // its next write fails (EPIPE) or, if it does not ignore SIGPIPE, kills it.
    void closeStdout();
    // Everything on standard error so far (non-blocking).
    std::string drainStderr();
    void signal(int signalNumber);
    // Exit status, or 128 + signal; nothing if still running after `timeout`.
    std::optional<int> wait(std::chrono::milliseconds timeout);
    [[nodiscard]] bool running();
    [[nodiscard]] pid_t pid() const { return m_pid; }

private:
    pid_t m_pid = -1;
    int m_stdout = -1;
    int m_stderr = -1;
    std::string m_outBuffer;
    std::string m_errBuffer;
    std::optional<int> m_status;
};

struct CommandResult {
    int status = -1;
    std::string out;
    std::string err;
};

// Runs a command to completion (or kills it after `timeout`).
CommandResult runCommand(const std::vector<std::string>& argv,
                         std::chrono::milliseconds timeout = std::chrono::seconds{60});

}  // namespace netmon::test
