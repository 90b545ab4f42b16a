// SPDX-License-Identifier: GPL-3.0-or-later
#include <unistd.h>

#include <memory>
#include <optional>

#include "core/sources/process_source.h"
#include "platform/linux/proc_fs.h"
#include "platform/linux/proc_socket_owners.h"
#include "platform/linux/proc_status_parser.h"
#include "platform/linux/text_file.h"
#include "platform/source_factories.h"

namespace netmon {
namespace {

constexpr unsigned kCapSysPtrace = 19;  // linux/capability.h

// Reading another user's /proc/<pid>/fd takes CAP_SYS_PTRACE (root has it); nullopt then,
// else the uid whose processes alone are open to us.
std::optional<std::uint32_t> restrictedViewer() {
    if (const auto status = linux_platform::readTextFile("/proc/self/status")) {
        if (const auto caps = linux_platform::parseEffectiveCapabilities(*status)) {
            if (linux_platform::hasCapability(*caps, kCapSysPtrace)) {
                return std::nullopt;
            }
            return ::geteuid();
        }
    }
    return ::geteuid() == 0 ? std::nullopt : std::optional<std::uint32_t>(::geteuid());
}

class LinuxProcessSource final : public ProcessSource {
public:
    LinuxProcessSource()
        : m_owners(std::make_unique<linux_platform::ProcFs>("/proc"), restrictedViewer()) {}

    std::unordered_map<std::uint64_t, SocketOwner> owners(
        const std::vector<SocketQuery>& sockets) override {
        return m_owners.owners(sockets);
    }

private:
    linux_platform::ProcSocketOwners m_owners;
};

}  // namespace

std::unique_ptr<ProcessSource> makeProcessSource() {
    return std::make_unique<LinuxProcessSource>();
}

}  // namespace netmon
