// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "platform/windows/windows_handles.h"

namespace netmon::test {

// netmon.exe as built (NETMON_CLI_PATH; a Linux path under Wine becomes Z:\…).
std::wstring netmonPath();

struct NetmonRun {
    int exitCode = -1;
    std::string out;
    std::string err;
};

// Runs netmon.exe with these arguments to the end and collects its output.
NetmonRun runNetmon(const std::vector<std::string>& arguments);

// netmon.exe running, read line by line as it prints (e.g. `watch --json`). Ended on
// destruction if it is still running.
class NetmonStream {
public:
    explicit NetmonStream(const std::vector<std::string>& arguments);
    ~NetmonStream();
    NetmonStream(const NetmonStream&) = delete;
    NetmonStream& operator=(const NetmonStream&) = delete;

    // The next line of standard output (without the line end), or nothing at its end or after
    // `timeout`.
    std::optional<std::string> nextLine(std::chrono::milliseconds timeout);

private:
    windows_platform::UniqueHandle m_process;
    windows_platform::UniqueHandle m_output;
    std::string m_buffer;
};

}  // namespace netmon::test
