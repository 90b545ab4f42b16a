// SPDX-License-Identifier: GPL-3.0-or-later
#include "protocol/line_reader.h"

#include <array>

namespace netmon::protocol {

Result<std::optional<std::string>> LineReader::next(std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
        if (const auto end = m_buffer.find('\n'); end != std::string::npos) {
            std::string line = m_buffer.substr(0, end);
            m_buffer.erase(0, end + 1);
            if (!line.empty() && line.back() == '\r') {
                line.pop_back();
            }
            return line;
        }
        if (m_buffer.size() > m_maxLine) {
            return fail("a message longer than " + std::to_string(m_maxLine) + " bytes");
        }
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) {
            return fail("no complete message within " + std::to_string(timeout.count()) + " ms");
        }
        std::array<char, 16384> chunk{};
        auto got = m_connection.read(chunk, left);
        if (!got) {
            return tl::unexpected(got.error());
        }
        if (*got == 0) {
            if (!m_buffer.empty()) {
                return fail("the stream ended inside a message");
            }
            return std::nullopt;
        }
        m_buffer.append(chunk.data(), *got);
    }
}

}  // namespace netmon::protocol
