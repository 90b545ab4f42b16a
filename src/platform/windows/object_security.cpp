// SPDX-License-Identifier: GPL-3.0-or-later
#include "platform/windows/object_security.h"

// clang-format off
#include "platform/windows/windows_api.h"
#include <aclapi.h>
#include <sddl.h>
// clang-format on

#include <memory>

#include "platform/windows/windows_error.h"
#include "platform/windows/windows_handles.h"

namespace netmon::windows_platform {
namespace {

using platform::AccessEntry;
using platform::SecurityFacts;
using platform::Trustee;

struct LocalFreer {
    void operator()(void* memory) const noexcept { ::LocalFree(memory); }
};

// The service SID of the Windows Modules Installer, owner of many system folders.
constexpr wchar_t kTrustedInstaller[] =
    L"S-1-5-80-956008885-3418522649-1831038044-1853292631-2271478464";

bool isTrustedInstaller(PSID sid) {
    PSID raw = nullptr;
    if (::ConvertStringSidToSidW(kTrustedInstaller, &raw) == 0) {
        return false;
    }
    const std::unique_ptr<void, LocalFreer> installer(raw);
    return ::EqualSid(sid, installer.get()) != 0;
}

// The user SID of this process's token: SYSTEM for the service.
bool isOwnAccount(PSID sid) {
    HANDLE raw = nullptr;
    if (::OpenProcessToken(::GetCurrentProcess(), TOKEN_QUERY, &raw) == 0) {
        return false;
    }
    const UniqueHandle token(raw);
    alignas(TOKEN_USER) unsigned char buffer[sizeof(TOKEN_USER) + SECURITY_MAX_SID_SIZE]{};
    DWORD size = 0;
    if (::GetTokenInformation(token.get(), TokenUser, buffer, sizeof buffer, &size) == 0) {
        return false;
    }
    return ::EqualSid(sid, reinterpret_cast<TOKEN_USER*>(buffer)->User.Sid) != 0;
}

AccessEntry entryOf(const ACE_HEADER* header) {
    // Object, callback and audit entries do not occur on files; read as the worst case.
    AccessEntry entry{true, Trustee::Other, ~std::uint32_t{0}};
    if (header->AceType == ACCESS_ALLOWED_ACE_TYPE) {
        const auto* ace = reinterpret_cast<const ACCESS_ALLOWED_ACE*>(header);
        entry.trustee = trusteeOf(const_cast<DWORD*>(&ace->SidStart));
        entry.mask = ace->Mask;
    } else if (header->AceType == ACCESS_DENIED_ACE_TYPE) {
        const auto* ace = reinterpret_cast<const ACCESS_DENIED_ACE*>(header);
        entry.allow = false;
        entry.trustee = trusteeOf(const_cast<DWORD*>(&ace->SidStart));
        entry.mask = ace->Mask;
    }
    return entry;
}

}  // namespace

Trustee trusteeOf(PSID sid) {
    if (sid == nullptr || ::IsValidSid(sid) == 0) {
        return Trustee::Other;
    }
    if (::IsWellKnownSid(sid, WinLocalSystemSid) != 0) {
        return Trustee::System;
    }
    if (::IsWellKnownSid(sid, WinBuiltinAdministratorsSid) != 0) {
        return Trustee::Administrators;
    }
    if (isTrustedInstaller(sid)) {
        return Trustee::TrustedInstaller;
    }
    return isOwnAccount(sid) ? Trustee::Self : Trustee::Other;
}

Result<SecurityFacts> readSecurityFacts(HANDLE object, DWORD attributes) {
    BY_HANDLE_FILE_INFORMATION information{};
    if (::GetFileInformationByHandle(object, &information) == 0) {
        return fail("cannot read its attributes: " + lastWindowsError());
    }
    PSID owner = nullptr;
    PACL dacl = nullptr;
    PSECURITY_DESCRIPTOR raw = nullptr;
    const DWORD status = ::GetSecurityInfo(object, SE_FILE_OBJECT,
                                           OWNER_SECURITY_INFORMATION | DACL_SECURITY_INFORMATION,
                                           &owner, nullptr, &dacl, nullptr, &raw);
    if (status != ERROR_SUCCESS) {
        return fail("cannot read its owner and access list: " + describeWindowsError(status));
    }
    const std::unique_ptr<void, LocalFreer> descriptor(raw);
    SECURITY_DESCRIPTOR_CONTROL control = 0;
    DWORD revision = 0;
    ::GetSecurityDescriptorControl(raw, &control, &revision);

    SecurityFacts facts;
    const DWORD byName = attributes == INVALID_FILE_ATTRIBUTES ? 0 : attributes;
    facts.reparsePoint =
        ((information.dwFileAttributes | byName) & FILE_ATTRIBUTE_REPARSE_POINT) != 0;
    facts.owner = trusteeOf(owner);
    facts.hasDacl = dacl != nullptr;
    facts.daclProtected = (control & SE_DACL_PROTECTED) != 0;
    for (DWORD index = 0; dacl != nullptr && index < dacl->AceCount; ++index) {
        void* ace = nullptr;
        if (::GetAce(dacl, index, &ace) == 0) {
            facts.entries.push_back({true, Trustee::Other, ~std::uint32_t{0}});
            continue;
        }
        facts.entries.push_back(entryOf(static_cast<const ACE_HEADER*>(ace)));
    }
    return facts;
}

}  // namespace netmon::windows_platform
