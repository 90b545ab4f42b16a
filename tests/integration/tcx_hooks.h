// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "platform/linux/unique_fd.h"

namespace netmon::test {

// What the kernel says about TCX hooks (Linux 6.6+), asked directly (bpftool 7.1 of Debian 12
// predates TCX links).

// The programs on the TCX ingress or egress hook of `interface` in namespace `ns`, in the order
// they run (BPF_PROG_QUERY); empty when it has none.
std::vector<std::uint32_t> tcxProgramIds(const std::string& ns, const std::string& interface,
                                         bool ingress);

// A program's name as the kernel keeps it ("" when it is gone).
std::string programName(std::uint32_t id);

struct TcxLinkInfo {
    std::uint32_t linkId = 0;
    std::uint32_t programId = 0;
    std::uint32_t ifindex = 0;
    std::uint32_t attachType = 0;
};
// Every TCX link in the system (bpf_link_get_next_id and each link's info).
std::vector<TcxLinkInfo> tcxLinks();

// The interface's index inside namespace `ns`.
std::uint32_t interfaceIndex(const std::string& ns, const std::string& interface);

// A program of the test's own on `interface`'s ingress (in namespace `ns`), as another tool's
// would be: a TCX link after those already there, or a direct-action clsact filter at tc
// priority 1 (bpf_tc_attach). It counts every frame in an array map and passes it on
// (TC_ACT_UNSPEC, TCX_NEXT). Detached when destroyed.
class ForeignCounter {
public:
    enum class Hook { Tcx, Clsact };
    ForeignCounter(const std::string& ns, const std::string& interface, Hook hook);
    ~ForeignCounter();
    ForeignCounter(const ForeignCounter&) = delete;
    ForeignCounter& operator=(const ForeignCounter&) = delete;

    [[nodiscard]] std::uint64_t packets() const;
    [[nodiscard]] std::uint32_t programId() const;

private:
    std::string m_ns;
    std::uint32_t m_ifindex = 0;
    linux_platform::UniqueFd m_map;
    linux_platform::UniqueFd m_program;
    linux_platform::UniqueFd m_link;   // Tcx
    std::uint32_t m_filterHandle = 0;  // Clsact
};

}  // namespace netmon::test
