// SPDX-License-Identifier: GPL-3.0-or-later
#include "capture/ebpf/socket_owners.h"

#include <bpf/btf.h>
#include <bpf/libbpf.h>

#include <cerrno>
#include <cstring>
#include <string_view>

#include "capture/ebpf/libbpf_log.h"
#include "capture/ebpf/load_errors.h"

// bpftool's generated C: C-style casts and designated initialisers in a C++ file.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wold-style-cast"
#pragma GCC diagnostic ignored "-Wpedantic"
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
#include "socket_owners.skel.h"
#pragma GCC diagnostic pop

namespace netmon::capture {
namespace {

constexpr std::string_view kTracepointPrefix = "tp_btf/";

struct BtfDeleter {
    void operator()(btf* types) const { btf__free(types); }
};

// Whether the kernel has what a program hooks: the tracepoint, or the function.
bool targetExists(const btf* types, std::string_view section) {
    const std::size_t slash = section.find('/');
    if (slash == std::string_view::npos) {
        return false;
    }
    const std::string target(section.substr(slash + 1));
    if (section.starts_with(kTracepointPrefix)) {
        return btf__find_by_name_kind(types, ("btf_trace_" + target).c_str(), BTF_KIND_TYPEDEF) >=
               0;
    }
    return btf__find_by_name_kind(types, target.c_str(), BTF_KIND_FUNC) >= 0;
}

bool tracepointsAvailable(const btf* types) {
    return targetExists(types, "tp_btf/sock_send_length") &&
           targetExists(types, "tp_btf/sock_recv_length");
}

}  // namespace

void SocketOwners::Destroy::operator()(socket_owners_bpf* skeleton) const {
    socket_owners_bpf__destroy(skeleton);
}

Result<std::unique_ptr<SocketOwners>> SocketOwners::start(std::size_t capacity, OwnerHooks hooks) {
    routeLibbpfMessages();
    markLibbpfMessages();
    std::unique_ptr<btf, BtfDeleter> types(btf__load_vmlinux_btf());
    if (!types) {
        return tl::unexpected(loadError("cannot read the kernel's BTF", errno));
    }
    const bool tracepoints = hooks == OwnerHooks::Tracepoints ||
                             (hooks == OwnerHooks::Auto && tracepointsAvailable(types.get()));
    std::unique_ptr<socket_owners_bpf, Destroy> skeleton(socket_owners_bpf__open());
    if (!skeleton) {
        return tl::unexpected(loadError("cannot open the socket owner hooks", errno));
    }
    bpf_map__set_max_entries(skeleton->maps.netmon_owners, static_cast<std::uint32_t>(capacity));
    int chosen = 0;
    bpf_program* program = nullptr;
    bpf_object__for_each_program(program, skeleton->obj) {
        const std::string_view section = bpf_program__section_name(program);
        const bool wanted = section.starts_with(kTracepointPrefix) == tracepoints &&
                            targetExists(types.get(), section);
        bpf_program__set_autoload(program, wanted);
        chosen += wanted ? 1 : 0;
    }
    const std::string name =
        tracepoints ? "sock_send_length/sock_recv_length tracepoints" : "fentry/fexit socket hooks";
    if (chosen == 0) {
        return fail(
            "no socket hook for process attribution: the kernel has neither the "
            "sock_send_length tracepoints nor the socket functions",
            "flows are counted without processes");
    }
    // libbpf parses the kernel's BTF again to load: ours (several MiB) goes first, so the two
    // are never in memory at once.
    types.reset();
    if (const int error = socket_owners_bpf__load(skeleton.get()); error != 0) {
        if (!tracepoints && (error == -EPERM || error == -EOPNOTSUPP || error == -524)) {
            // 524: ENOTSUPP, what a kernel without BPF trampolines for this arch answers.
            return fail("the kernel refused the fentry/fexit socket hooks (" +
                            std::string(std::strerror(-error == 524 ? EOPNOTSUPP : -error)) + ")",
                        "they need CAP_PERFMON and a kernel that allows BPF trampolines (some "
                        "lock them down); Linux 6.3+ has tracepoints that need neither");
        }
        return tl::unexpected(loadError("cannot load the " + name, -error));
    }
    if (const int error = socket_owners_bpf__attach(skeleton.get()); error != 0) {
        return tl::unexpected(loadError("cannot attach the " + name, -error));
    }
    return std::unique_ptr<SocketOwners>(new SocketOwners(std::move(skeleton), name));
}

SocketOwners::~SocketOwners() = default;

int SocketOwners::ownerMap() const {
    return bpf_map__fd(m_skeleton->maps.netmon_owners);
}

}  // namespace netmon::capture
