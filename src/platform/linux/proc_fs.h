// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace netmon::linux_platform {

// What ProcSocketOwners reads under /proc, rooted anywhere so tests can build a fake tree.
// Virtual so tests can also count the reads and fake what a real tree cannot (EACCES for root).
class ProcFs {
public:
    explicit ProcFs(std::string root = "/proc") : m_root(std::move(root)) {}
    virtual ~ProcFs() = default;
    ProcFs(const ProcFs&) = delete;
    ProcFs& operator=(const ProcFs&) = delete;

    // The numeric entries of the root: one per process (thread-group leader).
    [[nodiscard]] virtual Result<std::vector<std::uint32_t>> processIds() const;
    // A small file of a process ("stat", "status", "comm"); nullopt once it is gone.
    [[nodiscard]] virtual std::optional<std::string> readFile(std::uint32_t pid,
                                                              std::string_view name) const;
    // A link of a process ("exe"); empty when it cannot be read (another user's, a kernel
    // thread, or gone).
    [[nodiscard]] virtual std::string readLink(std::uint32_t pid, std::string_view name) const;

    struct SocketInodes {
        std::vector<std::uint64_t> inodes;
        int error = 0;  // errno when the fd folder could not be read (EACCES, ENOENT, …)
    };
    // The socket inodes among the process's open files (links "socket:[N]" in <pid>/fd).
    [[nodiscard]] virtual SocketInodes socketInodes(std::uint32_t pid) const;
    // How many files the process has open, from one stat() of <pid>/fd (Linux 6.2+ reports
    // it as the folder's size): a cheap sign that its fds changed. nullopt where unknown.
    [[nodiscard]] virtual std::optional<std::uint64_t> fdCount(std::uint32_t pid) const;

    [[nodiscard]] const std::string& root() const { return m_root; }

private:
    [[nodiscard]] std::string path(std::uint32_t pid, std::string_view name) const;

    std::string m_root;
};

}  // namespace netmon::linux_platform
