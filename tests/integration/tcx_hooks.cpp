// SPDX-License-Identifier: GPL-3.0-or-later
#include "integration/tcx_hooks.h"

#include <bpf/bpf.h>
#include <bpf/libbpf.h>
#include <linux/bpf.h>
#include <net/if.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <stdexcept>

#include "capture/ebpf/tcx_uapi.h"
#include "support/network_namespace.h"

namespace netmon::test {
namespace {

using capture::kBpfLinkTypeTcx;

// struct bpf_link_info as Linux 6.6+ lays it out for a TCX link (the installed 6.1 header has
// no tcx member): type, id, prog_id, then the per-type union, 8-byte aligned, whose tcx arm is
// {ifindex, attach_type}. The tail stays zero, as the kernel requires of a larger buffer.
struct LinkInfo {
    std::uint32_t type;
    std::uint32_t id;
    std::uint32_t programId;
    std::uint32_t padding;
    std::uint32_t ifindex;
    std::uint32_t attachType;
    std::array<std::uint64_t, 8> rest;
};

}  // namespace

std::uint32_t interfaceIndex(const std::string& ns, const std::string& interface) {
    const unsigned index =
        inNetworkNamespace(ns, [&] { return ::if_nametoindex(interface.c_str()); });
    if (index == 0) {
        throw std::runtime_error("no interface " + interface + " in " + ns);
    }
    return index;
}

std::vector<std::uint32_t> tcxProgramIds(const std::string& ns, const std::string& interface,
                                         bool ingress) {
    const std::uint32_t ifindex = interfaceIndex(ns, interface);
    return inNetworkNamespace(ns, [&] {
        std::array<std::uint32_t, 64> ids{};
        std::uint32_t count = ids.size();
        const auto type = static_cast<bpf_attach_type>(ingress ? capture::kBpfTcxIngress
                                                               : capture::kBpfTcxEgress);
        if (bpf_prog_query(static_cast<int>(ifindex), type, 0, nullptr, ids.data(), &count) != 0) {
            throw std::runtime_error(std::string("BPF_PROG_QUERY on TCX: ") + std::strerror(errno));
        }
        return std::vector<std::uint32_t>(ids.begin(), ids.begin() + count);
    });
}

std::string programName(std::uint32_t id) {
    const linux_platform::UniqueFd fd(bpf_prog_get_fd_by_id(id));
    if (!fd.valid()) {
        return {};
    }
    bpf_prog_info info{};
    std::uint32_t length = sizeof info;
    if (bpf_obj_get_info_by_fd(fd.get(), &info, &length) != 0) {
        return {};
    }
    return info.name;
}

std::vector<TcxLinkInfo> tcxLinks() {
    std::vector<TcxLinkInfo> links;
    std::uint32_t id = 0;
    while (bpf_link_get_next_id(id, &id) == 0) {
        const linux_platform::UniqueFd fd(bpf_link_get_fd_by_id(id));
        LinkInfo info{};
        std::uint32_t length = sizeof info;
        if (!fd.valid() || bpf_obj_get_info_by_fd(fd.get(), &info, &length) != 0) {
            continue;  // gone meanwhile
        }
        if (info.type == kBpfLinkTypeTcx) {
            links.push_back({info.id, info.programId, info.ifindex, info.attachType});
        }
    }
    return links;
}

ForeignCounter::ForeignCounter(const std::string& ns, const std::string& interface, Hook hook)
    : m_ns(ns), m_ifindex(interfaceIndex(ns, interface)) {
    m_map = linux_platform::UniqueFd(
        bpf_map_create(BPF_MAP_TYPE_ARRAY, "foreign_count", 4, 8, 1, nullptr));
    if (!m_map.valid()) {
        throw std::runtime_error(std::string("cannot create the foreign map: ") +
                                 std::strerror(errno));
    }
    // count[0] += 1 (atomic); return TCX_NEXT.
    const auto insn = [](std::uint8_t code, std::uint8_t dst, std::uint8_t src, std::int16_t off,
                         std::int32_t imm) {
        bpf_insn i{};
        i.code = code;
        i.dst_reg = dst & 0xf;
        i.src_reg = src & 0xf;
        i.off = off;
        i.imm = imm;
        return i;
    };
    const std::array<bpf_insn, 11> program{
        insn(BPF_ST | BPF_W | BPF_MEM, BPF_REG_10, 0, -4, 0),  // key = 0 on the stack
        insn(BPF_ALU64 | BPF_MOV | BPF_X, BPF_REG_2, BPF_REG_10, 0, 0),
        insn(BPF_ALU64 | BPF_ADD | BPF_K, BPF_REG_2, 0, 0, -4),  // r2 = &key
        insn(BPF_LD | BPF_DW | BPF_IMM, BPF_REG_1, BPF_PSEUDO_MAP_FD, 0, m_map.get()),
        insn(0, 0, 0, 0, 0),  // the second half of the 64-bit load
        insn(BPF_JMP | BPF_CALL, 0, 0, 0, BPF_FUNC_map_lookup_elem),
        insn(BPF_JMP | BPF_JEQ | BPF_K, BPF_REG_0, 0, 2, 0),  // no value: skip the add
        insn(BPF_ALU64 | BPF_MOV | BPF_K, BPF_REG_1, 0, 0, 1),
        insn(BPF_STX | BPF_DW | BPF_ATOMIC, BPF_REG_0, BPF_REG_1, 0, BPF_ADD),
        insn(BPF_ALU64 | BPF_MOV | BPF_K, BPF_REG_0, 0, 0, -1),  // TCX_NEXT
        insn(BPF_JMP | BPF_EXIT, 0, 0, 0, 0),
    };
    m_program = linux_platform::UniqueFd(bpf_prog_load(
        BPF_PROG_TYPE_SCHED_CLS, "foreign_count", "GPL", program.data(), program.size(), nullptr));
    if (!m_program.valid()) {
        throw std::runtime_error(std::string("cannot load the foreign program: ") +
                                 std::strerror(errno));
    }
    if (hook == Hook::Tcx) {
        m_link = linux_platform::UniqueFd(inNetworkNamespace(ns, [&] {
            return bpf_link_create(m_program.get(), static_cast<int>(m_ifindex),
                                   static_cast<bpf_attach_type>(capture::kBpfTcxIngress), nullptr);
        }));
        if (!m_link.valid()) {
            throw std::runtime_error(std::string("cannot attach the foreign program with TCX: ") +
                                     std::strerror(errno));
        }
        return;
    }
    const int error = inNetworkNamespace(ns, [&] {
        bpf_tc_hook hookPoint{};
        hookPoint.sz = sizeof hookPoint;
        hookPoint.ifindex = static_cast<int>(m_ifindex);
        hookPoint.attach_point = BPF_TC_INGRESS;
        if (const int created = bpf_tc_hook_create(&hookPoint);
            created != 0 && created != -EEXIST) {
            return created;
        }
        bpf_tc_opts options{};
        options.sz = sizeof options;
        options.prog_fd = m_program.get();
        options.priority = 1;
        const int attached = bpf_tc_attach(&hookPoint, &options);
        m_filterHandle = options.handle;
        return attached;
    });
    if (error != 0) {
        throw std::runtime_error(std::string("cannot attach the foreign clsact filter: ") +
                                 std::strerror(-error));
    }
}

ForeignCounter::~ForeignCounter() {
    if (m_filterHandle == 0) {
        return;  // a link: closing it detaches it
    }
    inNetworkNamespace(m_ns, [&] {
        bpf_tc_hook hookPoint{};
        hookPoint.sz = sizeof hookPoint;
        hookPoint.ifindex = static_cast<int>(m_ifindex);
        hookPoint.attach_point = BPF_TC_INGRESS;
        bpf_tc_opts options{};
        options.sz = sizeof options;
        options.handle = m_filterHandle;
        options.priority = 1;
        bpf_tc_detach(&hookPoint, &options);
    });
}

std::uint64_t ForeignCounter::packets() const {
    const std::uint32_t key = 0;
    std::uint64_t value = 0;
    if (bpf_map_lookup_elem(m_map.get(), &key, &value) != 0) {
        throw std::runtime_error("cannot read the foreign counter");
    }
    return value;
}

std::uint32_t ForeignCounter::programId() const {
    bpf_prog_info info{};
    std::uint32_t length = sizeof info;
    if (bpf_obj_get_info_by_fd(m_program.get(), &info, &length) != 0) {
        throw std::runtime_error("cannot read the foreign program's info");
    }
    return info.id;
}

}  // namespace netmon::test
