// SPDX-License-Identifier: GPL-3.0-or-later
// The service's Unix socket. Peers are known by SO_PEERCRED and SO_PEERGROUPS, which the kernel
// fills at connect time: a client cannot claim another identity.
#include <fcntl.h>
#include <grp.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "platform/local_socket.h"
#include "unique_fd.h"

namespace netmon::platform {
namespace {

using linux_platform::UniqueFd;

std::string errnoText(int error) {
    return std::strerror(error);
}

Result<sockaddr_un> socketAddress(const std::filesystem::path& path) {
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    const std::string text = path.string();
    if (text.empty() || text.size() >= sizeof(address.sun_path)) {
        return fail("socket path " + text + " is empty or longer than " +
                        std::to_string(sizeof(address.sun_path) - 1) + " bytes",
                    "give a shorter --socket path");
    }
    std::memcpy(address.sun_path, text.c_str(), text.size() + 1);
    return address;
}

// Waits for `events` on fd; false on timeout. EINTR restarts the wait.
Result<bool> waitFor(int fd, short events, std::chrono::milliseconds timeout) {
    pollfd entry{fd, events, 0};
    for (;;) {
        const int ready = ::poll(&entry, 1, static_cast<int>(timeout.count()));
        if (ready >= 0) {
            return ready > 0;
        }
        if (errno != EINTR) {
            return fail("poll failed: " + errnoText(errno));
        }
    }
}

PeerIdentity peerOf(int fd) {
    PeerIdentity peer;
    ucred credentials{};
    socklen_t length = sizeof(credentials);
    if (::getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &credentials, &length) == 0) {
        peer.uid = credentials.uid;
        peer.pid = static_cast<std::uint32_t>(credentials.pid);
        peer.groups.push_back(credentials.gid);
        peer.administrator = credentials.uid == 0;
    }
    std::vector<gid_t> groups(64);
    socklen_t groupBytes = static_cast<socklen_t>(groups.size() * sizeof(gid_t));
    int result = ::getsockopt(fd, SOL_SOCKET, SO_PEERGROUPS, groups.data(), &groupBytes);
    if (result != 0 && errno == ERANGE) {
        groups.resize(groupBytes / sizeof(gid_t) + 1);
        groupBytes = static_cast<socklen_t>(groups.size() * sizeof(gid_t));
        result = ::getsockopt(fd, SOL_SOCKET, SO_PEERGROUPS, groups.data(), &groupBytes);
    }
    if (result == 0) {
        groups.resize(groupBytes / sizeof(gid_t));
        peer.groups.insert(peer.groups.end(), groups.begin(), groups.end());
    }
    return peer;
}

}  // namespace

class LocalConnection::Impl {
public:
    explicit Impl(UniqueFd socket) : fd(std::move(socket)), peer(peerOf(fd.get())) {}
    UniqueFd fd;
    PeerIdentity peer;
};

LocalConnection::LocalConnection(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
LocalConnection::LocalConnection(LocalConnection&&) noexcept = default;
LocalConnection& LocalConnection::operator=(LocalConnection&&) noexcept = default;
LocalConnection::~LocalConnection() = default;

Result<std::size_t> LocalConnection::read(std::span<char> buffer,
                                          std::chrono::milliseconds timeout) {
    auto ready = waitFor(m_impl->fd.get(), POLLIN, timeout);
    if (!ready) {
        return tl::unexpected(ready.error());
    }
    if (!*ready) {
        return fail("no data for " + std::to_string(timeout.count()) + " ms");
    }
    for (;;) {
        const ssize_t got = ::recv(m_impl->fd.get(), buffer.data(), buffer.size(), 0);
        if (got >= 0) {
            return static_cast<std::size_t>(got);
        }
        if (errno != EINTR) {
            return fail("read failed: " + errnoText(errno));
        }
    }
}

Result<void> LocalConnection::write(std::string_view bytes, std::chrono::milliseconds timeout) {
    while (!bytes.empty()) {
        auto ready = waitFor(m_impl->fd.get(), POLLOUT, timeout);
        if (!ready) {
            return tl::unexpected(ready.error());
        }
        if (!*ready) {
            return fail("the peer took nothing for " + std::to_string(timeout.count()) + " ms");
        }
        const ssize_t sent =
            ::send(m_impl->fd.get(), bytes.data(), bytes.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
        if (sent < 0) {
            if (errno == EINTR || errno == EAGAIN) {
                continue;
            }
            return fail("write failed: " + errnoText(errno));
        }
        bytes.remove_prefix(static_cast<std::size_t>(sent));
    }
    return {};
}

void LocalConnection::shutdown() {
    ::shutdown(m_impl->fd.get(), SHUT_RDWR);
}

const PeerIdentity& LocalConnection::peer() const {
    return m_impl->peer;
}

class LocalListener::Impl {
public:
    UniqueFd fd;
    UniqueFd wakeRead;  // a pipe: close() writes to it so a blocked accept() returns
    UniqueFd wakeWrite;
    std::filesystem::path path;
    dev_t device = 0;  // the socket file we made, so the destructor removes only that one
    ino_t inode = 0;

    ~Impl() {
        struct stat info {};
        if (!path.empty() && ::lstat(path.c_str(), &info) == 0 && S_ISSOCK(info.st_mode) &&
            info.st_dev == device && info.st_ino == inode) {
            ::unlink(path.c_str());
        }
    }
};

namespace {

// A socket file nobody answers on is a leftover of a service that died; anything else at the
// path is not ours to remove.
Result<void> clearStaleSocket(const std::filesystem::path& path, const sockaddr_un& address) {
    struct stat info {};
    if (::lstat(path.c_str(), &info) != 0) {
        return {};  // nothing there
    }
    if (!S_ISSOCK(info.st_mode)) {
        return fail(path.string() + " exists and is not a socket; it was left alone",
                    "remove it or give another --socket path");
    }
    UniqueFd probe(::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0));
    if (probe.valid() &&
        ::connect(probe.get(), reinterpret_cast<const sockaddr*>(&address), sizeof(address)) == 0) {
        return fail("another service already answers on " + path.string(),
                    "stop it first (systemctl stop netmond), or give another --socket path");
    }
    if (::unlink(path.c_str()) != 0) {
        return fail("cannot remove the stale socket " + path.string() + ": " + errnoText(errno));
    }
    return {};
}

}  // namespace

Result<LocalListener> LocalListener::listen(const std::filesystem::path& path,
                                            const ListenOptions& options) {
    auto address = socketAddress(path);
    if (!address) {
        return tl::unexpected(address.error());
    }
    if (auto cleared = clearStaleSocket(path, *address); !cleared) {
        return tl::unexpected(cleared.error());
    }
    auto impl = std::make_unique<Impl>();
    impl->fd.reset(::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0));
    if (!impl->fd.valid()) {
        return fail("cannot create a Unix socket: " + errnoText(errno));
    }
    // Bound owner-only, then opened up to the mode asked for: no moment where it is wider.
    const mode_t previousMask = ::umask(0177);
    const int bound =
        ::bind(impl->fd.get(), reinterpret_cast<const sockaddr*>(&*address), sizeof(*address));
    const int bindError = errno;
    ::umask(previousMask);
    if (bound != 0) {
        return fail("cannot create the socket " + path.string() + ": " + errnoText(bindError),
                    "check that its folder exists and is writable by the service");
    }
    struct stat info {};
    if (::lstat(path.c_str(), &info) == 0) {
        impl->path = path;
        impl->device = info.st_dev;
        impl->inode = info.st_ino;
    }
    if (options.group && ::lchown(path.c_str(), static_cast<uid_t>(-1), *options.group) != 0) {
        return fail("cannot give " + path.string() + " to group " + std::to_string(*options.group) +
                    ": " + errnoText(errno));
    }
    if (::chmod(path.c_str(), options.mode & 0777) != 0) {
        return fail("cannot set the mode of " + path.string() + ": " + errnoText(errno));
    }
    if (::listen(impl->fd.get(), 64) != 0) {
        return fail("cannot listen on " + path.string() + ": " + errnoText(errno));
    }
    int wake[2];
    if (::pipe2(wake, O_CLOEXEC | O_NONBLOCK) != 0) {
        return fail("cannot create a pipe: " + errnoText(errno));
    }
    impl->wakeRead.reset(wake[0]);
    impl->wakeWrite.reset(wake[1]);
    return LocalListener(std::move(impl));
}

LocalListener::LocalListener(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
LocalListener::LocalListener(LocalListener&&) noexcept = default;
LocalListener& LocalListener::operator=(LocalListener&&) noexcept = default;
LocalListener::~LocalListener() = default;

Result<LocalConnection> LocalListener::accept() {
    for (;;) {
        pollfd entries[2] = {{m_impl->fd.get(), POLLIN, 0}, {m_impl->wakeRead.get(), POLLIN, 0}};
        if (::poll(entries, 2, -1) < 0) {
            if (errno == EINTR) {
                continue;
            }
            return fail("poll failed: " + errnoText(errno));
        }
        if (entries[1].revents != 0) {
            return fail("the listener was closed");
        }
        UniqueFd client(::accept4(m_impl->fd.get(), nullptr, nullptr, SOCK_CLOEXEC));
        if (client.valid()) {
            return LocalConnection(std::make_unique<LocalConnection::Impl>(std::move(client)));
        }
        if (errno != EINTR && errno != ECONNABORTED && errno != EAGAIN) {
            return fail("accept failed: " + errnoText(errno));
        }
    }
}

void LocalListener::close() {
    const char byte = 1;
    [[maybe_unused]] const ssize_t written = ::write(m_impl->wakeWrite.get(), &byte, 1);
}

Result<LocalConnection> connectLocal(const std::filesystem::path& path,
                                     std::chrono::milliseconds timeout) {
    auto address = socketAddress(path);
    if (!address) {
        return tl::unexpected(address.error());
    }
    UniqueFd fd(::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0));
    if (!fd.valid()) {
        return fail("cannot create a Unix socket: " + errnoText(errno));
    }
    if (::connect(fd.get(), reinterpret_cast<const sockaddr*>(&*address), sizeof(*address)) != 0) {
        if (errno != EINPROGRESS && errno != EAGAIN) {
            return fail("no service at " + path.string() + ": " + errnoText(errno));
        }
        auto ready = waitFor(fd.get(), POLLOUT, timeout);
        int error = 0;
        socklen_t length = sizeof(error);
        if (!ready || !*ready ||
            ::getsockopt(fd.get(), SOL_SOCKET, SO_ERROR, &error, &length) != 0 || error != 0) {
            return fail("no service answered at " + path.string());
        }
    }
    const int flags = ::fcntl(fd.get(), F_GETFL);
    ::fcntl(fd.get(), F_SETFL, flags & ~O_NONBLOCK);
    return LocalConnection(std::make_unique<LocalConnection::Impl>(std::move(fd)));
}

std::optional<std::uint32_t> groupIdOf(const std::string& name) {
    std::vector<char> buffer(16384);
    group entry{};
    group* found = nullptr;
    if (::getgrnam_r(name.c_str(), &entry, buffer.data(), buffer.size(), &found) != 0 ||
        found == nullptr) {
        return std::nullopt;
    }
    return found->gr_gid;
}

bool localGroupsApply() {
    return true;
}

std::string fullAccessHint(const std::string& group) {
    return "ask an administrator to add you to the group " + group + " (sudo adduser $USER " +
           group + "), then log in again";
}

}  // namespace netmon::platform
