// SPDX-License-Identifier: GPL-3.0-or-later
#include <gtest/gtest.h>
#include <linux/capability.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <stdexcept>
#include <string>

#include "platform/permissions.h"

namespace netmon {
namespace {

// The effective set straight from capget(2): a truth independent of the /proc parser.
std::uint64_t effectiveCapabilities() {
    __user_cap_header_struct header{_LINUX_CAPABILITY_VERSION_3, 0};
    std::array<__user_cap_data_struct, _LINUX_CAPABILITY_U32S_3> data{};
    EXPECT_EQ(::syscall(SYS_capget, &header, data.data()), 0);
    return static_cast<std::uint64_t>(data[0].effective) |
           (static_cast<std::uint64_t>(data[1].effective) << 32U);
}

bool has(std::uint64_t caps, unsigned bit) {
    return ((caps >> bit) & 1U) != 0;
}

const PermissionCheck& check(const PermissionReport& report, std::string_view prefix) {
    const auto found = std::find_if(report.checks.begin(), report.checks.end(),
                                    [prefix](const auto& c) { return c.name.starts_with(prefix); });
    if (found == report.checks.end()) {
        throw std::runtime_error("no check named " + std::string(prefix));
    }
    return *found;
}

TEST(PermissionsLinux, EveryCheckSaysWhatItFoundAndFailuresSayWhatToDo) {
    const PermissionReport report = probePermissions();
    ASSERT_EQ(report.checks.size(), 6U);
    for (const PermissionCheck& c : report.checks) {
        SCOPED_TRACE(c.name);
        EXPECT_FALSE(c.name.empty());
        EXPECT_FALSE(c.detail.empty());
        EXPECT_EQ(c.hint.empty(), c.passed);
    }
}

TEST(PermissionsLinux, CapabilityChecksMatchCapget) {
    const std::uint64_t caps = effectiveCapabilities();
    const PermissionReport report = probePermissions();
    // CAP_BPF 39, CAP_PERFMON 38, CAP_NET_ADMIN 12, CAP_NET_RAW 13 (kernel 5.8+).
    EXPECT_EQ(check(report, "root or CAP_BPF").passed,
              has(caps, 39) && has(caps, 38) && has(caps, 12));
    EXPECT_EQ(check(report, "CAP_NET_RAW").passed, has(caps, 13));
}

TEST(PermissionsLinux, ModesFollowTheChecks) {
    const PermissionReport report = probePermissions();
    EXPECT_EQ(check(report, "kernel BTF").passed, ::access("/sys/kernel/btf/vmlinux", R_OK) == 0);
    EXPECT_EQ(report.ebpfPossible,
              check(report, "root or CAP_BPF").passed && check(report, "kernel BTF").passed);
    EXPECT_EQ(report.pcapPossible,
              check(report, "CAP_NET_RAW").passed && check(report, "libpcap").passed);
    EXPECT_EQ(report.deepModePossible(), report.ebpfPossible || report.pcapPossible);
}

}  // namespace
}  // namespace netmon
