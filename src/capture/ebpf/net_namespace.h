// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <exception>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "core/result.h"
#include "platform/linux/unique_fd.h"

namespace netmon::capture {

// The network namespace a thread was in when it named interfaces. Interface names and
// indexes, and tc filters, belong to a namespace; the engine keeps this so that later calls
// from any thread (read(), the destructor) act on the same interfaces.
class NetNamespace {
public:
    // The calling thread's namespace.
    static Result<std::shared_ptr<const NetNamespace>> current();

    // The inode number of the namespace (what /proc/PID/ns/net links to): its identity.
    [[nodiscard]] std::uint64_t inode() const { return m_inode; }

    // Interface lookups through a socket made inside the namespace, from any thread.
    [[nodiscard]] std::optional<int> indexOf(const std::string& name) const;
    [[nodiscard]] std::optional<std::string> nameOf(int ifindex) const;          // nullopt: gone
    [[nodiscard]] std::optional<int> linkTypeOf(const std::string& name) const;  // ARPHRD_*

    // Runs `call` inside the namespace: on the calling thread when it is already there, else
    // on a short-lived thread that enters it first (netlink sockets, as libbpf's tc calls
    // open, belong to the namespace of the thread that opens them). False when the namespace
    // could not be entered (then `call` did not run).
    [[nodiscard]] bool run(const std::function<void()>& call) const;

private:
    NetNamespace(linux_platform::UniqueFd ns, linux_platform::UniqueFd socket, std::uint64_t inode)
        : m_ns(std::move(ns)), m_socket(std::move(socket)), m_inode(inode) {}

    linux_platform::UniqueFd m_ns;
    linux_platform::UniqueFd m_socket;
    std::uint64_t m_inode;
};

// The inode of the calling thread's network namespace; 0 when it cannot be read.
std::uint64_t currentNetNamespaceInode();

}  // namespace netmon::capture
