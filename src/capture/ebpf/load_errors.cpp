// SPDX-License-Identifier: GPL-3.0-or-later
#include "capture/ebpf/load_errors.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <vector>

#include "capture/ebpf/libbpf_log.h"

namespace netmon::capture {
namespace {

constexpr std::size_t kQuotedLogLines = 8;

}  // namespace

bool kernelHasBtf() {
    return ::access("/sys/kernel/btf/vmlinux", R_OK) == 0;
}

Error loadError(const std::string& what, int error) {
    const std::string cause = std::strerror(error);
    const std::vector<std::string> messages = libbpfMessagesSinceMark();
    if (const std::string verifier = verifierLogTail(messages, kQuotedLogLines);
        !verifier.empty()) {
        return {what + ": the kernel's verifier refused the program (" + cause +
                    "); its log ends:\n" + verifier,
                "please report this with the kernel version (uname -r); meanwhile use the "
                "libpcap engine or basic mode"};
    }
    if (error == EPERM || error == EACCES) {
        return {what + ": not permitted (" + cause + ")", kEbpfPermissionHint};
    }
    if (!kernelHasBtf()) {
        return {what + ": this kernel has no BTF (/sys/kernel/btf/vmlinux is missing)",
                kEbpfBtfHint};
    }
    if (error == ENOMEM || error == E2BIG) {
        return {what + ": the kernel could not allocate the maps (" + cause + ")",
                "choose a smaller flow table, or free memory"};
    }
    std::string message = what + ": " + cause;
    for (std::size_t i = messages.size() > kQuotedLogLines ? messages.size() - kQuotedLogLines : 0;
         i < messages.size(); ++i) {
        message += "\n" + messages[i];
    }
    return {message,
            "the kernel refused the eBPF programs (too old, or built without tc/BPF support?); "
            "use the libpcap engine or basic mode"};
}

}  // namespace netmon::capture
