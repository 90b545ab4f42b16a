// SPDX-License-Identifier: GPL-3.0-or-later
#include <dlfcn.h>
#include <unistd.h>

#include <array>
#include <cstdlib>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <utility>

#include "platform/linux/proc_mounts_parser.h"
#include "platform/linux/proc_status_parser.h"
#include "platform/linux/text_file.h"
#include "platform/permissions.h"

namespace netmon {
namespace {

using linux_platform::hasCapability;

// Numbers from linux/capability.h; spelled out because libcap is not a dependency.
constexpr unsigned kCapNetAdmin = 12;
constexpr unsigned kCapNetRaw = 13;
constexpr unsigned kCapSysAdmin = 21;
constexpr unsigned kCapPerfmon = 38;
constexpr unsigned kCapBpf = 39;

constexpr const char* kSetcapHint =
    "run as root, or: sudo setcap cap_bpf,cap_perfmon,cap_net_admin,cap_net_raw+ep "
    "$(command -v netmon)";

struct DlClose {
    void operator()(void* handle) const { ::dlclose(handle); }
};
using LibraryHandle = std::unique_ptr<void, DlClose>;

std::optional<std::string> firstLine(const std::string& path) {
    auto text = linux_platform::readTextFile(path);
    if (!text) {
        return std::nullopt;
    }
    return text->substr(0, text->find('\n'));
}

std::string capabilityList(std::uint64_t caps,
                           std::initializer_list<std::pair<unsigned, const char*>> wanted) {
    std::string text;
    for (const auto& [number, name] : wanted) {
        text += text.empty() ? "" : ", ";
        text += name;
        text += hasCapability(caps, number) ? " yes" : " no";
    }
    return text;
}

PermissionCheck bpfCapabilities(const Result<std::uint64_t>& caps) {
    PermissionCheck check{"root or CAP_BPF+CAP_PERFMON+CAP_NET_ADMIN", false, {}, {}};
    const bool root = ::geteuid() == 0;
    if (!caps) {
        check.passed = root;
        check.detail = caps.error().message + (root ? "; running as root" : "");
    } else {
        // Before Linux 5.8 there is no CAP_BPF and CAP_SYS_ADMIN stands in for it.
        const auto lastCap = firstLine("/proc/sys/kernel/cap_last_cap");
        const bool hasCapBpf = !lastCap || std::atoi(lastCap->c_str()) >= static_cast<int>(kCapBpf);
        if (hasCapBpf) {
            check.passed = hasCapability(*caps, kCapBpf) && hasCapability(*caps, kCapPerfmon) &&
                           hasCapability(*caps, kCapNetAdmin);
            check.detail = capabilityList(*caps, {{kCapBpf, "CAP_BPF"},
                                                  {kCapPerfmon, "CAP_PERFMON"},
                                                  {kCapNetAdmin, "CAP_NET_ADMIN"}});
        } else {
            check.passed = hasCapability(*caps, kCapSysAdmin) && hasCapability(*caps, kCapNetAdmin);
            check.detail = "kernel before 5.8 (no CAP_BPF): " +
                           capabilityList(*caps, {{kCapSysAdmin, "CAP_SYS_ADMIN"},
                                                  {kCapNetAdmin, "CAP_NET_ADMIN"}});
        }
        check.detail =
            (root ? "uid 0; " : "uid " + std::to_string(::geteuid()) + "; ") + check.detail;
    }
    if (!check.passed) {
        check.hint = root ? "this root lacks capabilities (a container?): grant CAP_BPF, "
                            "CAP_PERFMON and CAP_NET_ADMIN to it"
                          : kSetcapHint;
    }
    return check;
}

PermissionCheck rawCapability(const Result<std::uint64_t>& caps) {
    PermissionCheck check{"CAP_NET_RAW (libpcap capture)", false, {}, {}};
    if (!caps) {
        check.passed = ::geteuid() == 0;
        check.detail = caps.error().message;
    } else {
        check.passed = hasCapability(*caps, kCapNetRaw);
        check.detail = check.passed ? "CAP_NET_RAW is effective" : "CAP_NET_RAW is not effective";
    }
    if (!check.passed) {
        check.hint = kSetcapHint;
    }
    return check;
}

PermissionCheck kernelBtf() {
    PermissionCheck check{"kernel BTF (/sys/kernel/btf/vmlinux)", false, {}, {}};
    check.passed = ::access("/sys/kernel/btf/vmlinux", R_OK) == 0;
    check.detail = check.passed ? "readable" : "missing or not readable";
    if (!check.passed) {
        check.hint =
            "eBPF capture needs a kernel built with CONFIG_DEBUG_INFO_BTF (most "
            "distributions since 2020); libpcap capture still works";
    }
    return check;
}

PermissionCheck bpfFilesystem() {
    // Informational: the loader attaches without pinning, so capture works without bpffs.
    PermissionCheck check{"bpffs at /sys/fs/bpf (optional)", false, {}, {}};
    const auto mounts = linux_platform::readTextFile("/proc/self/mounts");
    if (!mounts) {
        check.detail = mounts.error().message;
    } else {
        check.passed = linux_platform::hasMount(*mounts, "/sys/fs/bpf", "bpf");
        check.detail = check.passed ? "mounted" : "not mounted; only needed to pin BPF maps";
    }
    if (!check.passed) {
        check.hint = "sudo mount -t bpf bpf /sys/fs/bpf";
    }
    return check;
}

PermissionCheck libpcapPresent() {
    PermissionCheck check{"libpcap library", false, {}, {}};
    // Debian/Ubuntu ship libpcap.so.0.8, Fedora/Arch libpcap.so.1. Loaded only to see that it
    // is there; the capture engine loads it for real.
    for (const char* name : std::array{"libpcap.so.0.8", "libpcap.so.1"}) {
        const LibraryHandle handle(::dlopen(name, RTLD_LAZY | RTLD_LOCAL));
        if (handle) {
            check.passed = true;
            check.detail = std::string("found ") + name;
            return check;
        }
    }
    check.detail = "neither libpcap.so.0.8 nor libpcap.so.1 could be loaded";
    check.hint =
        "install libpcap (Debian/Ubuntu: sudo apt install libpcap0.8; Fedora: "
        "sudo dnf install libpcap)";
    return check;
}

PermissionCheck unprivilegedBpf() {
    // Informational only: it decides nothing for a privileged process.
    PermissionCheck check{"kernel.unprivileged_bpf_disabled (informational)", true, {}, {}};
    const auto value = firstLine("/proc/sys/kernel/unprivileged_bpf_disabled");
    if (!value) {
        check.detail = "not readable";
    } else if (*value == "0") {
        check.detail = "0: unprivileged BPF allowed (capture still needs the capabilities)";
    } else {
        check.detail = *value + ": unprivileged BPF disabled, capture needs the capabilities";
    }
    return check;
}

}  // namespace

PermissionReport probePermissions() {
    Result<std::uint64_t> caps = fail("cannot read /proc/self/status");
    if (auto status = linux_platform::readTextFile("/proc/self/status")) {
        caps = linux_platform::parseEffectiveCapabilities(*status);
    } else {
        caps = tl::unexpected(status.error());
    }
    PermissionReport report;
    report.checks.push_back(bpfCapabilities(caps));
    report.checks.push_back(rawCapability(caps));
    report.checks.push_back(kernelBtf());
    report.checks.push_back(bpfFilesystem());
    report.checks.push_back(libpcapPresent());
    report.checks.push_back(unprivilegedBpf());
    report.ebpfPossible = report.checks[0].passed && report.checks[2].passed;
    report.pcapPossible = report.checks[1].passed && report.checks[4].passed;
    return report;
}

}  // namespace netmon
