// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

// The service's local endpoint: a Unix socket on Linux, a named pipe on Windows. Byte streams
// with the peer's identity as the kernel states it (never as the peer claims it).
namespace netmon::platform {

// Who is at the other end, from the kernel (SO_PEERCRED/SO_PEERGROUPS; the pipe client's token).
struct PeerIdentity {
    std::optional<std::uint32_t> uid;
    std::optional<std::uint32_t> pid;
    std::vector<std::uint32_t> groups;  // primary and supplementary group ids
    bool administrator = false;         // root / an elevated Administrators token
};

class LocalConnection {
public:
    class Impl;
    explicit LocalConnection(std::unique_ptr<Impl> impl);
    LocalConnection(LocalConnection&&) noexcept;
    LocalConnection& operator=(LocalConnection&&) noexcept;
    ~LocalConnection();

    // Up to buffer.size() bytes; 0 at the end of the stream; an error after `timeout` without
    // data or on a failure.
    Result<std::size_t> read(std::span<char> buffer, std::chrono::milliseconds timeout);
    // All of `bytes`, or an error when the peer takes none for `timeout` (a stalled reader).
    Result<void> write(std::string_view bytes, std::chrono::milliseconds timeout);
    // Ends the stream both ways: a read or write blocked in another thread returns.
    void shutdown();
    [[nodiscard]] const PeerIdentity& peer() const;

private:
    std::unique_ptr<Impl> m_impl;
};

struct ListenOptions {
    // Who may connect. Linux: the socket file's mode and group (0660 and the service's group
    // lets that group and root in; 0666 everyone). Windows ignores both: the pipe's DACL is
    // fixed (SYSTEM and Administrators full, interactive users read/write), and a client that
    // is not an administrator gets PeerIdentity without uid or groups, so the limited view.
    std::uint32_t mode = 0660;
    std::optional<std::uint32_t> group;
};

class LocalListener {
public:
    class Impl;
    // Replaces a stale socket at `path` only when it is a socket nobody answers on; any other
    // file there is an error and is left alone.
    static Result<LocalListener> listen(const std::filesystem::path& path,
                                        const ListenOptions& options);
    explicit LocalListener(std::unique_ptr<Impl> impl);
    LocalListener(LocalListener&&) noexcept;
    LocalListener& operator=(LocalListener&&) noexcept;
    ~LocalListener();  // removes the socket file it made

    // The next client; an error once close() was called.
    Result<LocalConnection> accept();
    // Wakes accept() for good (from another thread).
    void close();

private:
    std::unique_ptr<Impl> m_impl;
};

// A client's connection to the service at `path`, or why there is none.
Result<LocalConnection> connectLocal(const std::filesystem::path& path,
                                     std::chrono::milliseconds timeout);

// The group id of `name` from the system's group database, if it has one.
std::optional<std::uint32_t> groupIdOf(const std::string& name);

// Whether a group decides who sees everything (Linux: the socket's group). Windows: no; the
// client's token does (administrators see everything), so netmond's --group is ignored there.
bool localGroupsApply();

// How a user gets full access to the service (every user's flows, per-host history, its
// settings), said in this system's terms: Linux joins `group`; Windows runs as administrator.
std::string fullAccessHint(const std::string& group);

}  // namespace netmon::platform
