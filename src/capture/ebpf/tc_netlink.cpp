// SPDX-License-Identifier: GPL-3.0-or-later
#include "capture/ebpf/tc_netlink.h"

#include <arpa/inet.h>
#include <linux/if_ether.h>
#include <linux/netlink.h>
#include <linux/pkt_cls.h>
#include <linux/pkt_sched.h>
#include <linux/rtnetlink.h>
#include <sys/socket.h>

#include <array>
#include <cstdio>
#include <cstring>

#include "platform/linux/netlink_socket.h"

namespace netmon::capture {
namespace {

using linux_platform::ByteSpan;

tcmsg filterHeader(int ifindex, bool ingress) {
    tcmsg header{};
    header.tcm_family = AF_UNSPEC;
    header.tcm_ifindex = ifindex;
    header.tcm_parent = TC_H_MAKE(TC_H_CLSACT, ingress ? TC_H_MIN_INGRESS : TC_H_MIN_EGRESS);
    return header;
}

std::uint32_t priorityAndProtocol(std::uint16_t priority, std::uint16_t protocol) {
    return TC_H_MAKE(static_cast<std::uint32_t>(priority) << 16, htons(protocol));
}

// A request: the tcmsg, then attributes; nested ones are closed by end().
class RequestBuilder {
public:
    explicit RequestBuilder(const tcmsg& header) { append(&header, sizeof header); }

    void add(std::uint16_t type, const void* data, std::size_t size) {
        const nlattr attribute{static_cast<std::uint16_t>(sizeof(nlattr) + size), type};
        append(&attribute, sizeof attribute);
        append(data, size);
    }
    void addString(std::uint16_t type, const std::string& text) {
        add(type, text.c_str(), text.size() + 1);
    }
    void addU32(std::uint16_t type, std::uint32_t value) { add(type, &value, sizeof value); }
    std::size_t begin(std::uint16_t type) {
        const std::size_t at = m_bytes.size();
        add(static_cast<std::uint16_t>(type | NLA_F_NESTED), nullptr, 0);
        return at;
    }
    void end(std::size_t at) {
        const auto length = static_cast<std::uint16_t>(m_bytes.size() - at);
        std::memcpy(m_bytes.data() + at + offsetof(nlattr, nla_len), &length, sizeof length);
    }
    [[nodiscard]] ByteSpan bytes() const { return m_bytes; }

private:
    void append(const void* data, std::size_t size) {
        const auto* bytes = static_cast<const std::byte*>(data);
        m_bytes.insert(m_bytes.end(), bytes, bytes + size);
        m_bytes.resize(linux_platform::netlinkAlign(m_bytes.size()));
    }
    std::vector<std::byte> m_bytes;
};

tl::expected<linux_platform::NetlinkSocket::Answer, TcRefusal> send(
    linux_platform::NetlinkSocket& socket, std::uint16_t type, std::uint16_t flags,
    const RequestBuilder& request) {
    auto answer = socket.request(type, flags, request.bytes());
    if (!answer) {
        return tl::unexpected(TcRefusal{0, answer.error().describe()});
    }
    if (answer->error != 0) {
        const std::string cause = std::strerror(answer->error);
        return tl::unexpected(TcRefusal{
            answer->error, answer->reason.empty() ? cause : answer->reason + " (" + cause + ")"});
    }
    return std::move(*answer);
}

tl::expected<linux_platform::NetlinkSocket, TcRefusal> openSocket() {
    auto socket = linux_platform::NetlinkSocket::open();
    if (!socket) {
        return tl::unexpected(TcRefusal{0, socket.error().describe()});
    }
    return std::move(*socket);
}

// A string attribute into `text` when present (else `text` stays as it is).
Result<void> readText(const std::optional<ByteSpan>& attribute, const char* what,
                      std::string& text) {
    if (attribute) {
        auto read = linux_platform::readStringAttribute(*attribute, what);
        if (!read) {
            return tl::unexpected(read.error());
        }
        text = std::move(*read);
    }
    return {};
}

Result<TcFilter> parseFilter(const linux_platform::NetlinkMessage& message) {
    const auto header = linux_platform::readStruct<tcmsg>(message.payload);
    auto attributes = linux_platform::afterHeader(message.payload, sizeof(tcmsg), "tcmsg");
    if (!header || !attributes) {
        return fail("malformed tc filter message: no tcmsg");
    }
    TcFilter filter;
    filter.handle = header->tcm_handle;
    filter.priority = static_cast<std::uint16_t>(TC_H_MAJ(header->tcm_info) >> 16);
    filter.protocol = ntohs(static_cast<std::uint16_t>(TC_H_MIN(header->tcm_info)));
    linux_platform::AttributeTable table(TCA_OPTIONS + 1);
    if (auto parsed = linux_platform::parseAttributes(*attributes, table); !parsed) {
        return tl::unexpected(parsed.error());
    }
    if (auto kind = readText(table[TCA_KIND], "TCA_KIND", filter.kind); !kind) {
        return tl::unexpected(kind.error());
    }
    if (filter.kind != "bpf" || !table[TCA_OPTIONS]) {
        return filter;
    }
    linux_platform::AttributeTable options(TCA_BPF_ID + 1);
    if (auto parsed = linux_platform::parseAttributes(*table[TCA_OPTIONS], options); !parsed) {
        return tl::unexpected(parsed.error());
    }
    if (auto name = readText(options[TCA_BPF_NAME], "TCA_BPF_NAME", filter.name); !name) {
        return tl::unexpected(name.error());
    }
    if (options[TCA_BPF_ID]) {
        filter.programId = linux_platform::readStruct<std::uint32_t>(*options[TCA_BPF_ID]);
    }
    return filter;
}

}  // namespace

std::string hexText(std::uint32_t value) {
    std::array<char, 16> text{};
    std::snprintf(text.data(), text.size(), "0x%x", value);
    return text.data();
}

Result<std::vector<TcFilter>> parseTcFilters(ByteSpan messages) {
    auto split = linux_platform::splitMessages(messages);
    if (!split) {
        return tl::unexpected(split.error());
    }
    std::vector<TcFilter> filters;
    for (const linux_platform::NetlinkMessage& message : *split) {
        if (message.type != RTM_NEWTFILTER) {
            continue;
        }
        auto filter = parseFilter(message);
        if (!filter) {
            return tl::unexpected(filter.error());
        }
        if (filter->handle != 0) {
            filters.push_back(std::move(*filter));
        }
    }
    return filters;
}

Result<std::vector<TcFilter>> listTcFilters(int ifindex, bool ingress) {
    auto socket = linux_platform::NetlinkSocket::open();
    if (!socket) {
        return tl::unexpected(socket.error());
    }
    const tcmsg request = filterHeader(ifindex, ingress);
    auto reply = socket->dump(RTM_GETTFILTER, std::as_bytes(std::span(&request, 1)));
    if (!reply) {
        return tl::unexpected(reply.error());
    }
    return parseTcFilters(*reply);
}

tl::expected<TcFilter, TcRefusal> addTcBpfFilter(int ifindex, bool ingress, std::uint16_t priority,
                                                 int programFd, const std::string& name) {
    auto socket = openSocket();
    if (!socket) {
        return tl::unexpected(socket.error());
    }
    tcmsg header = filterHeader(ifindex, ingress);
    header.tcm_handle = 0;  // the kernel picks one that is free
    header.tcm_info = priorityAndProtocol(priority, ETH_P_ALL);
    RequestBuilder request(header);
    request.addString(TCA_KIND, "bpf");
    const std::size_t options = request.begin(TCA_OPTIONS);
    request.addU32(TCA_BPF_FD, static_cast<std::uint32_t>(programFd));
    request.addString(TCA_BPF_NAME, name);
    request.addU32(TCA_BPF_FLAGS, TCA_BPF_FLAG_ACT_DIRECT);
    request.end(options);
    // NLM_F_EXCL: never replace a filter; NLM_F_ECHO: the kernel tells the handle it chose.
    auto answer = send(*socket, RTM_NEWTFILTER, NLM_F_CREATE | NLM_F_EXCL | NLM_F_ECHO, request);
    if (!answer) {
        return tl::unexpected(answer.error());
    }
    auto echoed = parseTcFilters(answer->messages);
    if (!echoed || echoed->size() != 1 || (*echoed)[0].name != name) {
        // Added, but which handle is unknown: find it by its (unique) name.
        auto listed = listTcFilters(ifindex, ingress);
        if (listed) {
            for (const TcFilter& filter : *listed) {
                if (filter.name == name) {
                    return filter;
                }
            }
        }
        return tl::unexpected(TcRefusal{0, "the kernel did not say which filter it added"});
    }
    return (*echoed)[0];
}

tl::expected<void, TcRefusal> deleteTcFilter(int ifindex, bool ingress, const TcFilter& filter) {
    auto socket = openSocket();
    if (!socket) {
        return tl::unexpected(socket.error());
    }
    tcmsg header = filterHeader(ifindex, ingress);
    header.tcm_handle = filter.handle;
    header.tcm_info = priorityAndProtocol(filter.priority, filter.protocol);
    RequestBuilder request(header);
    request.addString(TCA_KIND, filter.kind);
    if (auto answer = send(*socket, RTM_DELTFILTER, 0, request); !answer) {
        return tl::unexpected(answer.error());
    }
    return {};
}

}  // namespace netmon::capture
