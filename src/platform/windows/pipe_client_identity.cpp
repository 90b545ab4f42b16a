// SPDX-License-Identifier: GPL-3.0-or-later
#include "platform/windows/pipe_client_identity.h"

#include <exception>

#include "platform/windows/windows_handles.h"

namespace netmon::windows_platform {
namespace {

// Whether `token` (an impersonation token) has `sid` as an enabled group; unknown on failure.
std::optional<bool> hasEnabledGroup(HANDLE token, WELL_KNOWN_SID_TYPE type) {
    BYTE sid[SECURITY_MAX_SID_SIZE];
    DWORD size = sizeof sid;
    if (::CreateWellKnownSid(type, nullptr, sid, &size) == 0) {
        return std::nullopt;
    }
    BOOL member = FALSE;
    if (::CheckTokenMembership(token, sid, &member) == 0) {
        return std::nullopt;
    }
    return member != FALSE;
}

bool userIsLocalSystem(HANDLE token) {
    alignas(TOKEN_USER) BYTE buffer[sizeof(TOKEN_USER) + SECURITY_MAX_SID_SIZE];
    DWORD size = 0;
    if (::GetTokenInformation(token, TokenUser, buffer, sizeof buffer, &size) == 0) {
        return false;
    }
    const auto* user = reinterpret_cast<const TOKEN_USER*>(buffer);
    return ::IsWellKnownSid(user->User.Sid, WinLocalSystemSid) != FALSE;
}

}  // namespace

platform::PeerIdentity peerIdentityFrom(const PipeClientFacts& facts) {
    platform::PeerIdentity peer;
    peer.pid = facts.pid;
    // Unknown is never "yes": a token we could not read gets the limited view.
    peer.administrator = facts.administratorsEnabled.value_or(false) || facts.localSystem;
    return peer;
}

PipeClientFacts pipeClientFacts(HANDLE pipe) {
    PipeClientFacts facts;
    ULONG pid = 0;
    if (::GetNamedPipeClientProcessId(pipe, &pid) != 0) {
        facts.pid = static_cast<std::uint32_t>(pid);
    }
    if (::ImpersonateNamedPipeClient(pipe) == 0) {
        return facts;
    }
    HANDLE raw = nullptr;
    const BOOL opened = ::OpenThreadToken(::GetCurrentThread(), TOKEN_QUERY, TRUE, &raw);
    // Running on as the client would be a privilege confusion: a failed revert ends the process,
    // as Windows' documentation asks.
    if (::RevertToSelf() == 0) {
        std::terminate();
    }
    if (opened == 0) {
        return facts;
    }
    const UniqueHandle token(raw);
    facts.administratorsEnabled = hasEnabledGroup(token.get(), WinBuiltinAdministratorsSid);
    facts.localSystem = userIsLocalSystem(token.get());
    return facts;
}

}  // namespace netmon::windows_platform
