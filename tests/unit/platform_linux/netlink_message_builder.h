// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <linux/netlink.h>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <span>
#include <string_view>
#include <vector>

// Builds netlink messages byte by byte, the way the kernel lays them out, so parser tests can
// feed exact (and deliberately broken) input. Lengths are patched at finish()/endNested().
class NetlinkMessageBuilder {
public:
    // Starts a message: a 16-byte nlmsghdr followed by `header` (ifinfomsg, ifaddrmsg, …).
    template <typename Header>
    NetlinkMessageBuilder& begin(std::uint16_t type, const Header& header,
                                 std::uint32_t sequence = 1) {
        m_messageStart = m_bytes.size();
        nlmsghdr message{};
        message.nlmsg_type = type;
        message.nlmsg_flags = NLM_F_MULTI;
        message.nlmsg_seq = sequence;
        appendRaw(&message, sizeof(message));
        appendRaw(&header, sizeof(header));
        pad();
        return *this;
    }

    NetlinkMessageBuilder& attribute(std::uint16_t type, const void* data, std::size_t size) {
        nlattr header{};
        header.nla_len = static_cast<std::uint16_t>(sizeof(nlattr) + size);
        header.nla_type = type;
        appendRaw(&header, sizeof(header));
        appendRaw(data, size);
        pad();
        return *this;
    }
    template <typename T>
    NetlinkMessageBuilder& attribute(std::uint16_t type, const T& value) {
        return attribute(type, &value, sizeof(value));
    }
    // A string attribute with its NUL, as the kernel sends IFLA_IFNAME.
    NetlinkMessageBuilder& stringAttribute(std::uint16_t type, std::string_view text) {
        std::vector<char> bytes(text.begin(), text.end());
        bytes.push_back('\0');
        return attribute(type, bytes.data(), bytes.size());
    }

    NetlinkMessageBuilder& beginNested(std::uint16_t type) {
        m_nestedStart = m_bytes.size();
        nlattr header{};
        header.nla_type = type | NLA_F_NESTED;
        appendRaw(&header, sizeof(header));
        return *this;
    }
    NetlinkMessageBuilder& endNested() {
        patchU16(m_nestedStart, static_cast<std::uint16_t>(m_bytes.size() - m_nestedStart));
        return *this;
    }

    // Writes nlmsg_len of the current message.
    NetlinkMessageBuilder& finish() {
        patchU32(m_messageStart, static_cast<std::uint32_t>(m_bytes.size() - m_messageStart));
        return *this;
    }

    std::vector<std::byte>& bytes() { return m_bytes; }
    [[nodiscard]] std::span<const std::byte> view() const { return m_bytes; }
    [[nodiscard]] std::size_t messageStart() const { return m_messageStart; }

    void patchU16(std::size_t offset, std::uint16_t value) {
        std::memcpy(m_bytes.data() + offset, &value, sizeof(value));
    }
    void patchU32(std::size_t offset, std::uint32_t value) {
        std::memcpy(m_bytes.data() + offset, &value, sizeof(value));
    }

private:
    void appendRaw(const void* data, std::size_t size) {
        const auto* begin = static_cast<const std::byte*>(data);
        m_bytes.insert(m_bytes.end(), begin, begin + size);
    }
    void pad() {
        while (m_bytes.size() % NLMSG_ALIGNTO != 0) {
            m_bytes.push_back(std::byte{0});
        }
    }

    std::vector<std::byte> m_bytes;
    std::size_t m_messageStart = 0;
    std::size_t m_nestedStart = 0;
};
