// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <vector>

namespace netmon {

// One thing deep mode needs, whether this machine has it, and how to get it if not.
struct PermissionCheck {
    std::string name;  // "root or CAP_BPF+CAP_PERFMON+CAP_NET_ADMIN", "kernel BTF", …
    bool passed = false;
    std::string detail;  // what was found
    std::string hint;    // what to do when it failed; empty when passed
};

struct PermissionReport {
    std::vector<PermissionCheck> checks;
    bool ebpfPossible = false;  // everything eBPF capture needs is here
    bool pcapPossible = false;  // everything libpcap capture needs is here
    [[nodiscard]] bool deepModePossible() const { return ebpfPossible || pcapPossible; }
};

}  // namespace netmon
