// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/utf8_text.h"

#include <cstdint>

namespace netmon {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

struct ByteRange {
    unsigned char low;
    unsigned char high;
};

// The length of the sequence a lead byte starts, and the range its second byte must be in
// (Unicode table 3-7). The narrow second-byte ranges are what exclude overlong forms (E0, F0),
// surrogates (ED) and code points above U+10FFFF (F4). 0: not a lead byte (C0, C1, F5–FF and
// continuation bytes).
struct Lead {
    int length = 0;
    ByteRange second{0x80, 0xBF};
};

Lead leadOf(unsigned char byte) {
    if (byte >= 0xC2 && byte <= 0xDF) {
        return {2, {0x80, 0xBF}};
    }
    if (byte == 0xE0) {
        return {3, {0xA0, 0xBF}};
    }
    if (byte == 0xED) {
        return {3, {0x80, 0x9F}};
    }
    if (byte >= 0xE1 && byte <= 0xEF) {
        return {3, {0x80, 0xBF}};
    }
    if (byte == 0xF0) {
        return {4, {0x90, 0xBF}};
    }
    if (byte == 0xF4) {
        return {4, {0x80, 0x8F}};
    }
    if (byte >= 0xF1 && byte <= 0xF3) {
        return {4, {0x80, 0xBF}};
    }
    return {};
}

void appendCodePoint(std::string& out, std::uint32_t code) {
    if (code < 0x80) {
        out += static_cast<char>(code);
    } else if (code < 0x800) {
        out += static_cast<char>(0xC0 | (code >> 6));
        out += static_cast<char>(0x80 | (code & 0x3F));
    } else if (code < 0x10000) {
        out += static_cast<char>(0xE0 | (code >> 12));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (code >> 18));
        out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
    }
}

}  // namespace

std::string toValidUtf8(std::string_view bytes) {
    std::string out;
    out.reserve(bytes.size());
    std::size_t at = 0;
    while (at < bytes.size()) {
        const auto byte = static_cast<unsigned char>(bytes[at]);
        if (byte < 0x80) {
            out += static_cast<char>(byte);
            ++at;
            continue;
        }
        const Lead lead = leadOf(byte);
        if (lead.length == 0) {
            out += kReplacement;  // a byte no sequence starts with: its own maximal subpart
            ++at;
            continue;
        }
        // Take continuation bytes while each is one this sequence allows there; stop at the
        // first that is not (it starts the next sequence, and is not swallowed).
        std::size_t end = at + 1;
        while (end < bytes.size() && static_cast<int>(end - at) < lead.length) {
            const auto next = static_cast<unsigned char>(bytes[end]);
            const ByteRange allowed = end == at + 1 ? lead.second : ByteRange{0x80, 0xBF};
            if (next < allowed.low || next > allowed.high) {
                break;
            }
            ++end;
        }
        if (static_cast<int>(end - at) == lead.length) {
            out.append(bytes.substr(at, end - at));
        } else {
            out += kReplacement;  // truncated or broken: the bytes taken so far are one subpart
        }
        at = end;
    }
    return out;
}

std::string utf16ToUtf8(std::u16string_view units) {
    std::string out;
    out.reserve(units.size());
    for (std::size_t at = 0; at < units.size(); ++at) {
        const std::uint32_t unit = units[at];
        const bool high = unit >= 0xD800 && unit <= 0xDBFF;
        const bool low = unit >= 0xDC00 && unit <= 0xDFFF;
        if (high && at + 1 < units.size() && units[at + 1] >= 0xDC00 && units[at + 1] <= 0xDFFF) {
            const std::uint32_t next = units[++at];
            appendCodePoint(out, 0x10000 + ((unit - 0xD800) << 10) + (next - 0xDC00));
        } else if (high || low) {
            out += kReplacement;  // unpaired: Windows allows it in names; UTF-8 cannot hold it
        } else {
            appendCodePoint(out, unit);
        }
    }
    return out;
}

}  // namespace netmon
