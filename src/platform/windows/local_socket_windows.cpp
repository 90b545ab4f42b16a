// SPDX-License-Identifier: GPL-3.0-or-later
// The service's endpoint on Windows: a named pipe (byte mode, overlapped, local clients only)
// whose DACL lets SYSTEM and Administrators in fully and interactive users read and write. The
// client is known by its token, which the pipe file system hands the server: it cannot claim
// another identity. ListenOptions' mode and group have no meaning here (see local_socket.h).
#include <mutex>

#include "platform/local_socket.h"
#include "platform/windows/pipe_client_identity.h"
#include "platform/windows/pipe_io.h"
#include "platform/windows/pipe_security.h"
#include "platform/windows/wide_text.h"
#include "platform/windows/windows_error.h"
#include "platform/windows/windows_handles.h"

namespace netmon::platform {
namespace {

using windows_platform::IoEnd;
using windows_platform::UniqueHandle;

constexpr DWORD kPipeBuffer = 64 * 1024;
constexpr std::wstring_view kPipePrefix = LR"(\\.\pipe\)";
constexpr std::chrono::milliseconds kForever{INFINITE - 1};

UniqueHandle manualResetEvent() {
    return UniqueHandle(::CreateEventW(nullptr, TRUE, FALSE, nullptr));
}

tl::unexpected<Error> anotherService(const std::wstring& name) {
    return fail("another service already answers on " + windows_platform::toUtf8(name),
                "stop it first (net stop netmond), or give another --socket path");
}

Result<std::wstring> pipeName(const std::filesystem::path& path) {
    std::wstring name = path.wstring();
    if (name.size() <= kPipePrefix.size() || name.size() > 256 ||
        _wcsnicmp(name.c_str(), kPipePrefix.data(), kPipePrefix.size()) != 0 ||
        name.find_first_of(L"\\/", kPipePrefix.size()) != std::wstring::npos) {
        return fail("on Windows the service's endpoint is a named pipe, not " + path.string(),
                    R"(give --socket \\.\pipe\NAME)");
    }
    return name;
}

bool endOfStream(DWORD error) {
    return error == ERROR_BROKEN_PIPE || error == ERROR_PIPE_NOT_CONNECTED ||
           error == ERROR_NO_DATA;
}

}  // namespace

// Linux's shutdown() lets the peer read what was already sent and then see the end. A pipe's
// end is its handle closing (DisconnectNamedPipe would drop unread data), which must not happen
// while another thread still uses the handle: shutdown() wakes that thread, and whichever of
// them is last closes the handle.
class LocalConnection::Impl {
public:
    Impl(UniqueHandle handle, PeerIdentity identity)
        : pipe(std::move(handle)), peer(std::move(identity)) {}

    Result<DWORD> transfer(bool reading, char* data, DWORD size,
                           std::chrono::milliseconds timeout) {
        UniqueHandle& event = reading ? readEvent : writeEvent;
        {
            const std::lock_guard lock(mutex);
            if (shut || !pipe) {
                return reading ? Result<DWORD>(0) : fail("the connection was closed");
            }
            ++busy;
        }
        OVERLAPPED overlapped{};
        overlapped.hEvent = event.get();
        const BOOL started = reading ? ::ReadFile(pipe.get(), data, size, nullptr, &overlapped)
                                     : ::WriteFile(pipe.get(), data, size, nullptr, &overlapped);
        const auto outcome = windows_platform::finishOverlapped(
            pipe.get(), overlapped, started != 0 ? 0 : ::GetLastError(), wake.get(), timeout);
        const std::lock_guard lock(mutex);
        if (--busy == 0 && shut) {
            pipe.reset();
        }
        switch (outcome.end) {
            case IoEnd::Done:
                return outcome.bytes;
            case IoEnd::Woken:
                return reading ? Result<DWORD>(0) : fail("the connection was closed");
            case IoEnd::TimedOut:
                return fail(reading ? "no data for " + std::to_string(timeout.count()) + " ms"
                                    : "the peer took nothing for " +
                                          std::to_string(timeout.count()) + " ms");
            case IoEnd::Failed:
                break;
        }
        if (reading && endOfStream(outcome.error)) {
            return 0;
        }
        return fail(std::string(reading ? "read" : "write") +
                    " failed: " + windows_platform::describeWindowsError(outcome.error));
    }

    void shutdown() {
        const std::lock_guard lock(mutex);
        shut = true;
        ::SetEvent(wake.get());
        if (busy == 0) {
            pipe.reset();
        }
    }

    std::mutex mutex;
    UniqueHandle pipe;
    UniqueHandle readEvent = manualResetEvent();
    UniqueHandle writeEvent = manualResetEvent();
    UniqueHandle wake = manualResetEvent();
    int busy = 0;
    bool shut = false;
    PeerIdentity peer;
};

LocalConnection::LocalConnection(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
LocalConnection::LocalConnection(LocalConnection&&) noexcept = default;
LocalConnection& LocalConnection::operator=(LocalConnection&&) noexcept = default;
LocalConnection::~LocalConnection() = default;

Result<std::size_t> LocalConnection::read(std::span<char> buffer,
                                          std::chrono::milliseconds timeout) {
    const auto size = static_cast<DWORD>(std::min<std::size_t>(buffer.size(), kPipeBuffer));
    auto got = m_impl->transfer(true, buffer.data(), size, timeout);
    if (!got) {
        return tl::unexpected(got.error());
    }
    return static_cast<std::size_t>(*got);
}

Result<void> LocalConnection::write(std::string_view bytes, std::chrono::milliseconds timeout) {
    while (!bytes.empty()) {
        const auto size = static_cast<DWORD>(std::min<std::size_t>(bytes.size(), kPipeBuffer));
        // WriteFile only reads the buffer; the shared transfer() takes a mutable pointer.
        auto sent = m_impl->transfer(false, const_cast<char*>(bytes.data()), size, timeout);
        if (!sent) {
            return tl::unexpected(sent.error());
        }
        bytes.remove_prefix(*sent);
    }
    return {};
}

void LocalConnection::shutdown() {
    m_impl->shutdown();
}

const PeerIdentity& LocalConnection::peer() const {
    return m_impl->peer;
}

class LocalListener::Impl {
public:
    std::wstring name;
    windows_platform::PipeSecurity security;
    UniqueHandle next;  // the instance the next client connects to: the name stays ours
    UniqueHandle connected = manualResetEvent();
    UniqueHandle closed = manualResetEvent();

    // Whether some process already serves this pipe name. FILE_FLAG_FIRST_PIPE_INSTANCE makes
    // Windows refuse a second service atomically; Wine ignores the flag, so it is asked first.
    [[nodiscard]] bool nameTaken() const {
        return ::WaitNamedPipeW(name.c_str(), 1) != 0 || ::GetLastError() == ERROR_SEM_TIMEOUT;
    }

    Result<UniqueHandle> createInstance(bool first) {
        if (first && nameTaken()) {
            return anotherService(name);
        }
        SECURITY_ATTRIBUTES attributes = security.attributes();
        const DWORD openMode =
            PIPE_ACCESS_DUPLEX | FILE_FLAG_OVERLAPPED | (first ? FILE_FLAG_FIRST_PIPE_INSTANCE : 0);
        const DWORD pipeMode =
            PIPE_TYPE_BYTE | PIPE_READMODE_BYTE | PIPE_WAIT | PIPE_REJECT_REMOTE_CLIENTS;
        UniqueHandle pipe = windows_platform::adoptHandle(
            ::CreateNamedPipeW(name.c_str(), openMode, pipeMode, PIPE_UNLIMITED_INSTANCES,
                               kPipeBuffer, kPipeBuffer, 0, &attributes));
        if (pipe) {
            return pipe;
        }
        const DWORD error = ::GetLastError();
        const std::string text = windows_platform::toUtf8(name);
        if (first && (error == ERROR_ACCESS_DENIED || error == ERROR_PIPE_BUSY)) {
            return anotherService(name);
        }
        return fail("cannot create the pipe " + text + ": " +
                    windows_platform::describeWindowsError(error));
    }
};

Result<LocalListener> LocalListener::listen(const std::filesystem::path& path,
                                            const ListenOptions&) {
    auto name = pipeName(path);
    if (!name) {
        return tl::unexpected(name.error());
    }
    auto security = windows_platform::PipeSecurity::make();
    if (!security) {
        return tl::unexpected(security.error());
    }
    auto impl = std::make_unique<Impl>();
    impl->name = std::move(*name);
    impl->security = std::move(*security);
    if (!impl->connected || !impl->closed) {
        return fail("cannot create an event: " + windows_platform::lastWindowsError());
    }
    auto first = impl->createInstance(true);
    if (!first) {
        return tl::unexpected(first.error());
    }
    impl->next = std::move(*first);
    return LocalListener(std::move(impl));
}

LocalListener::LocalListener(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
LocalListener::LocalListener(LocalListener&&) noexcept = default;
LocalListener& LocalListener::operator=(LocalListener&&) noexcept = default;
LocalListener::~LocalListener() = default;

Result<LocalConnection> LocalListener::accept() {
    for (;;) {
        if (::WaitForSingleObject(m_impl->closed.get(), 0) == WAIT_OBJECT_0) {
            return fail("the listener was closed");
        }
        if (!m_impl->next) {
            auto instance = m_impl->createInstance(false);
            if (!instance) {
                return tl::unexpected(instance.error());
            }
            m_impl->next = std::move(*instance);
        }
        OVERLAPPED overlapped{};
        overlapped.hEvent = m_impl->connected.get();
        const DWORD error =
            ::ConnectNamedPipe(m_impl->next.get(), &overlapped) != 0 ? 0 : ::GetLastError();
        auto outcome = windows_platform::IoOutcome{IoEnd::Done};
        if (error != ERROR_PIPE_CONNECTED) {  // else a client came between create and connect
            outcome = windows_platform::finishOverlapped(m_impl->next.get(), overlapped, error,
                                                         m_impl->closed.get(), kForever);
        }
        if (outcome.end == IoEnd::Woken) {
            return fail("the listener was closed");
        }
        if (outcome.end != IoEnd::Done) {
            if (outcome.error != ERROR_NO_DATA && outcome.error != ERROR_BROKEN_PIPE) {
                return fail("cannot wait for a client on " +
                            windows_platform::toUtf8(m_impl->name) + ": " +
                            windows_platform::describeWindowsError(outcome.error));
            }
            // A client that came and went before we saw it: wait for the next one on the same
            // instance.
            ::DisconnectNamedPipe(m_impl->next.get());
            continue;
        }
        UniqueHandle client = std::move(m_impl->next);
        auto identity =
            windows_platform::peerIdentityFrom(windows_platform::pipeClientFacts(client.get()));
        return LocalConnection(
            std::make_unique<LocalConnection::Impl>(std::move(client), std::move(identity)));
    }
}

void LocalListener::close() {
    ::SetEvent(m_impl->closed.get());
}

Result<LocalConnection> connectLocal(const std::filesystem::path& path,
                                     std::chrono::milliseconds timeout) {
    auto name = pipeName(path);
    if (!name) {
        return tl::unexpected(name.error());
    }
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
        // Identification level: the service may read who we are, not act as us.
        UniqueHandle pipe = windows_platform::adoptHandle(::CreateFileW(
            name->c_str(), GENERIC_READ | GENERIC_WRITE, 0, nullptr, OPEN_EXISTING,
            FILE_FLAG_OVERLAPPED | SECURITY_SQOS_PRESENT | SECURITY_IDENTIFICATION, nullptr));
        if (pipe) {
            PeerIdentity server;
            ULONG pid = 0;
            if (::GetNamedPipeServerProcessId(pipe.get(), &pid) != 0) {
                server.pid = static_cast<std::uint32_t>(pid);
            }
            return LocalConnection(
                std::make_unique<LocalConnection::Impl>(std::move(pipe), std::move(server)));
        }
        const DWORD error = ::GetLastError();
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        if (error != ERROR_PIPE_BUSY || left.count() <= 0) {
            return fail("no service at " + path.string() + ": " +
                        windows_platform::describeWindowsError(error));
        }
        // Every instance is busy: wait for one to be free, up to the deadline.
        ::WaitNamedPipeW(name->c_str(),
                         std::max<DWORD>(1, windows_platform::waitMilliseconds(left)));
    }
}

std::optional<std::uint32_t> groupIdOf(const std::string&) {
    return std::nullopt;  // no group ids on Windows: access is by the client's token
}

bool localGroupsApply() {
    return false;
}

std::string fullAccessHint(const std::string& /*group*/) {
    return "run it as an administrator (right-click, Run as administrator, or an elevated "
           "prompt)";
}

}  // namespace netmon::platform
