// SPDX-License-Identifier: GPL-3.0-or-later
#include "platform/linux/netlink_view.h"

#include <linux/netlink.h>

#include <algorithm>

namespace netmon::linux_platform {

Result<std::vector<NetlinkMessage>> splitMessages(ByteSpan bytes) {
    std::vector<NetlinkMessage> messages;
    while (!bytes.empty()) {
        const auto header = readStruct<nlmsghdr>(bytes);
        if (!header) {
            return fail("malformed netlink reply: truncated message header (" +
                        std::to_string(bytes.size()) + " bytes left)");
        }
        const std::size_t length = header->nlmsg_len;
        if (length < sizeof(nlmsghdr) || length > bytes.size()) {
            return fail("malformed netlink reply: message length " + std::to_string(length) +
                        " does not fit the " + std::to_string(bytes.size()) + " bytes left");
        }
        const ByteSpan whole = bytes.first(length);
        messages.push_back(NetlinkMessage{header->nlmsg_type, header->nlmsg_flags,
                                          header->nlmsg_seq, header->nlmsg_pid,
                                          whole.subspan(sizeof(nlmsghdr)), whole});
        // The padding after the last message may be missing; never step past the end.
        bytes = bytes.subspan(std::min(netlinkAlign(length), bytes.size()));
    }
    return messages;
}

Result<void> parseAttributes(ByteSpan bytes, AttributeTable& table) {
    std::fill(table.begin(), table.end(), std::nullopt);
    while (!bytes.empty()) {
        const auto header = readStruct<nlattr>(bytes);
        if (!header) {
            return fail("malformed netlink attribute: truncated header (" +
                        std::to_string(bytes.size()) + " bytes left)");
        }
        const std::size_t length = header->nla_len;
        if (length < sizeof(nlattr) || length > bytes.size()) {
            return fail("malformed netlink attribute: length " + std::to_string(length) +
                        " does not fit the " + std::to_string(bytes.size()) + " bytes left");
        }
        // The top bits flag nesting and byte order; they are not part of the type.
        const std::size_t type = header->nla_type & NLA_TYPE_MASK;
        if (type < table.size()) {
            table[type] = bytes.subspan(sizeof(nlattr), length - sizeof(nlattr));
        }
        bytes = bytes.subspan(std::min(netlinkAlign(length), bytes.size()));
    }
    return {};
}

Result<std::string> readStringAttribute(ByteSpan bytes, const char* what) {
    const auto* begin = reinterpret_cast<const char*>(bytes.data());
    const auto* end = begin + bytes.size();
    const auto* nul = std::find(begin, end, '\0');
    if (nul == end) {
        return fail(std::string("malformed netlink attribute: ") + what + " is not NUL-terminated");
    }
    return std::string(begin, nul);
}

Result<ByteSpan> afterHeader(ByteSpan payload, std::size_t headerSize, const char* what) {
    if (payload.size() < headerSize) {
        return fail(std::string("malformed netlink message: ") + what + " header truncated (" +
                    std::to_string(payload.size()) + " of " + std::to_string(headerSize) +
                    " bytes)");
    }
    return payload.subspan(std::min(netlinkAlign(headerSize), payload.size()));
}

}  // namespace netmon::linux_platform
