// SPDX-License-Identifier: GPL-3.0-or-later
#include "platform/windows/security_descriptor.h"

#include <sddl.h>

#include <string>

#include "platform/windows/windows_error.h"

namespace netmon::windows_platform {

Result<SecurityDescriptor> SecurityDescriptor::fromSddl(const wchar_t* sddl,
                                                        std::string_view what) {
    PSECURITY_DESCRIPTOR descriptor = nullptr;
    if (::ConvertStringSecurityDescriptorToSecurityDescriptorW(sddl, SDDL_REVISION_1, &descriptor,
                                                               nullptr) == 0) {
        return fail("cannot build " + std::string(what) + ": " + lastWindowsError());
    }
    SecurityDescriptor security;
    security.m_descriptor.reset(descriptor);
    return security;
}

PACL SecurityDescriptor::dacl() const {
    BOOL present = FALSE;
    BOOL defaulted = FALSE;
    PACL acl = nullptr;
    if (::GetSecurityDescriptorDacl(m_descriptor.get(), &present, &acl, &defaulted) == 0 ||
        present == FALSE) {
        return nullptr;
    }
    return acl;
}

SECURITY_ATTRIBUTES SecurityDescriptor::attributes() const {
    SECURITY_ATTRIBUTES attributes{};
    attributes.nLength = sizeof attributes;
    attributes.lpSecurityDescriptor = m_descriptor.get();
    attributes.bInheritHandle = FALSE;
    return attributes;
}

}  // namespace netmon::windows_platform
