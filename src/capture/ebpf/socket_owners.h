// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <memory>
#include <string>

#include "capture/ebpf/ebpf_capture_engine.h"
#include "core/result.h"

struct socket_owners_bpf;  // the skeleton bpftool generates from socket_owners.bpf.c

namespace netmon::capture {

// The socket owner hooks of socket_owners.bpf.c, loaded and attached: tuple → (pid, command)
// in an LRU map. Optional: when they cannot load, flows are counted without pids. Destroying
// it detaches the hooks (their links die with the process too, so nothing is left behind).
class SocketOwners {
public:
    // Auto picks the tracepoints where the kernel has them (6.3+), else fentry/fexit.
    static Result<std::unique_ptr<SocketOwners>> start(std::size_t capacity, OwnerHooks hooks);
    ~SocketOwners();
    SocketOwners(const SocketOwners&) = delete;
    SocketOwners& operator=(const SocketOwners&) = delete;

    [[nodiscard]] int ownerMap() const;
    [[nodiscard]] const std::string& hooks() const { return m_hooks; }  // what is attached

private:
    struct Destroy {
        void operator()(socket_owners_bpf* skeleton) const;
    };
    SocketOwners(std::unique_ptr<socket_owners_bpf, Destroy> skeleton, std::string hooks)
        : m_skeleton(std::move(skeleton)), m_hooks(std::move(hooks)) {}

    std::unique_ptr<socket_owners_bpf, Destroy> m_skeleton;
    std::string m_hooks;
};

}  // namespace netmon::capture
