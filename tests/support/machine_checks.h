// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <unistd.h>

#include <filesystem>
#include <optional>
#include <string>

namespace netmon::test {

// What this machine allows, read from the machine itself and never from the product's own
// probes: a test that skipped because netmon said "deep mode is not possible" would hide the
// very bug it is there to catch (on CI, where everything is available, it must run and pass).

// Why eBPF programs cannot be loaded here, or nothing (then loading them must work).
inline std::optional<std::string> ebpfUnavailableReason() {
    if (::geteuid() != 0) {
        return "loading eBPF programs needs root (CI runs the tests as root)";
    }
    std::error_code error;
    if (!std::filesystem::exists("/sys/kernel/btf/vmlinux", error)) {
        return "this kernel has no BTF (/sys/kernel/btf/vmlinux), which the CO-RE programs need";
    }
    return std::nullopt;
}

// Why a test that needs root cannot run here, or nothing.
inline std::optional<std::string> rootUnavailableReason(const std::string& what) {
    if (::geteuid() != 0) {
        return what + " needs root (CI runs the tests as root)";
    }
    return std::nullopt;
}

}  // namespace netmon::test
