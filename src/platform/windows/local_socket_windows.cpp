// SPDX-License-Identifier: GPL-3.0-or-later
// The service's endpoint on Windows will be a named pipe with a DACL for Administrators and
// interactive users. Until it is built, every call says so and clients run in-process, as
// they did before the service existed.
#include "platform/local_socket.h"

namespace netmon::platform {
namespace {

Error notBuilt() {
    return Error{"the Network Monitor service's pipe is not available on Windows yet",
                 "the app and netmon monitor in-process"};
}

}  // namespace

class LocalConnection::Impl {
public:
    PeerIdentity peer;
};

LocalConnection::LocalConnection(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
LocalConnection::LocalConnection(LocalConnection&&) noexcept = default;
LocalConnection& LocalConnection::operator=(LocalConnection&&) noexcept = default;
LocalConnection::~LocalConnection() = default;

Result<std::size_t> LocalConnection::read(std::span<char>, std::chrono::milliseconds) {
    return tl::unexpected(notBuilt());
}

Result<void> LocalConnection::write(std::string_view, std::chrono::milliseconds) {
    return tl::unexpected(notBuilt());
}

void LocalConnection::shutdown() {}

const PeerIdentity& LocalConnection::peer() const {
    return m_impl->peer;
}

class LocalListener::Impl {};

Result<LocalListener> LocalListener::listen(const std::filesystem::path&, const ListenOptions&) {
    return tl::unexpected(notBuilt());
}

LocalListener::LocalListener(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
LocalListener::LocalListener(LocalListener&&) noexcept = default;
LocalListener& LocalListener::operator=(LocalListener&&) noexcept = default;
LocalListener::~LocalListener() = default;

Result<LocalConnection> LocalListener::accept() {
    return tl::unexpected(notBuilt());
}

void LocalListener::close() {}

Result<LocalConnection> connectLocal(const std::filesystem::path&, std::chrono::milliseconds) {
    return tl::unexpected(notBuilt());
}

std::optional<std::uint32_t> groupIdOf(const std::string&) {
    return std::nullopt;
}

}  // namespace netmon::platform
