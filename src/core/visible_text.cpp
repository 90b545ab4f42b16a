// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/visible_text.h"

#include <cstdint>
#include <utility>

#include "core/utf8_text.h"

namespace netmon {
namespace {

// One code point of valid UTF-8 starting at `at`: its value and its length in bytes.
std::pair<std::uint32_t, std::size_t> decodeAt(std::string_view text, std::size_t at) {
    const auto lead = static_cast<unsigned char>(text[at]);
    const std::size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    std::uint32_t code = length == 1 ? lead : lead & (0x7F >> length);
    for (std::size_t i = 1; i < length; ++i) {
        code = (code << 6) | (static_cast<unsigned char>(text[at + i]) & 0x3F);
    }
    return {code, length};
}

bool isControl(std::uint32_t code) {
    return code < 0x20 || (code >= 0x7F && code <= 0x9F);
}

}  // namespace

std::string visibleText(std::string_view text) {
    const std::string valid = toValidUtf8(text);
    std::string out;
    out.reserve(valid.size());
    for (std::size_t at = 0; at < valid.size();) {
        const auto [code, length] = decodeAt(valid, at);
        if (isControl(code)) {
            static constexpr char kHex[] = "0123456789abcdef";
            out += "\\x";
            out += kHex[code >> 4];
            out += kHex[code & 0xF];
        } else if (code == '\\' && at + 1 < valid.size()) {
            // What follows, as shown, starts with `\` or `x`: a single backslash would make it
            // read as an escape, so this one is doubled.
            const std::uint32_t next = decodeAt(valid, at + 1).first;
            out += next == '\\' || next == 'x' || isControl(next) ? "\\\\" : "\\";
        } else {
            out.append(valid, at, length);
        }
        at += length;
    }
    return out;
}

}  // namespace netmon
