// SPDX-License-Identifier: GPL-3.0-or-later
#include "capture/ebpf/net_namespace.h"

#include <fcntl.h>
#include <net/if.h>
#include <sched.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <thread>

namespace netmon::capture {
namespace {

constexpr const char* kThreadNamespace = "/proc/thread-self/ns/net";

bool copyName(ifreq& request, const std::string& name) {
    if (name.empty() || name.size() >= IFNAMSIZ) {
        return false;
    }
    std::memcpy(request.ifr_name, name.c_str(), name.size() + 1);
    return true;
}

}  // namespace

std::uint64_t currentNetNamespaceInode() {
    struct stat info {};
    if (::stat(kThreadNamespace, &info) != 0) {
        return 0;
    }
    return info.st_ino;
}

Result<std::shared_ptr<const NetNamespace>> NetNamespace::current() {
    linux_platform::UniqueFd ns(::open(kThreadNamespace, O_RDONLY | O_CLOEXEC));
    struct stat info {};
    if (!ns.valid() || ::fstat(ns.get(), &info) != 0) {
        return fail(
            std::string("cannot open this thread's network namespace: ") + std::strerror(errno),
            "is /proc mounted?");
    }
    linux_platform::UniqueFd socket(::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0));
    if (!socket.valid()) {
        socket.reset(::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0));
    }
    if (!socket.valid()) {
        return fail(std::string("cannot open a control socket: ") + std::strerror(errno));
    }
    return std::shared_ptr<const NetNamespace>(
        new NetNamespace(std::move(ns), std::move(socket), info.st_ino));
}

std::optional<int> NetNamespace::indexOf(const std::string& name) const {
    ifreq request{};
    if (!copyName(request, name) || ::ioctl(m_socket.get(), SIOCGIFINDEX, &request) != 0) {
        return std::nullopt;
    }
    return request.ifr_ifindex;
}

std::optional<std::string> NetNamespace::nameOf(int ifindex) const {
    ifreq request{};
    request.ifr_ifindex = ifindex;
    if (::ioctl(m_socket.get(), SIOCGIFNAME, &request) != 0) {
        return std::nullopt;
    }
    return std::string(request.ifr_name, ::strnlen(request.ifr_name, IFNAMSIZ));
}

std::optional<int> NetNamespace::linkTypeOf(const std::string& name) const {
    ifreq request{};
    if (!copyName(request, name) || ::ioctl(m_socket.get(), SIOCGIFHWADDR, &request) != 0) {
        return std::nullopt;
    }
    return request.ifr_hwaddr.sa_family;
}

bool NetNamespace::run(const std::function<void()>& call) const {
    if (currentNetNamespaceInode() == m_inode) {
        call();
        return true;
    }
    bool entered = false;
    std::exception_ptr thrown;
    std::thread runner([&] {
        if (::setns(m_ns.get(), CLONE_NEWNET) != 0) {
            return;  // the call would act on the wrong namespace: leave it undone
        }
        entered = true;
        try {
            call();
        } catch (...) {
            thrown = std::current_exception();
        }
    });
    runner.join();
    if (thrown) {
        std::rethrow_exception(thrown);
    }
    return entered;
}

}  // namespace netmon::capture
