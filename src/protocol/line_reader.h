// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>
#include <optional>
#include <string>

#include "core/result.h"
#include "platform/local_socket.h"

namespace netmon::protocol {

// Newline-delimited messages from a connection, each at most `maxLine` bytes: a longer one is an
// error rather than a growing buffer, so a peer cannot make us hold more than that.
class LineReader {
public:
    LineReader(platform::LocalConnection& connection, std::size_t maxLine)
        : m_connection(connection), m_maxLine(maxLine) {}

    // The next line without its '\n' (and '\r'); nullopt at the end of the stream; an error
    // when nothing complete arrives within `timeout` or the line is too long.
    Result<std::optional<std::string>> next(std::chrono::milliseconds timeout);

private:
    platform::LocalConnection& m_connection;
    std::size_t m_maxLine;
    std::string m_buffer;
};

}  // namespace netmon::protocol
