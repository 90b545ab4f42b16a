// SPDX-License-Identifier: GPL-3.0-or-later
#include "platform/windows/pipe_security.h"

#include <sddl.h>

#include "platform/windows/windows_error.h"

namespace netmon::windows_platform {

Result<PipeSecurity> PipeSecurity::make() {
    PSECURITY_DESCRIPTOR descriptor = nullptr;
    if (::ConvertStringSecurityDescriptorToSecurityDescriptorW(kSddl, SDDL_REVISION_1, &descriptor,
                                                               nullptr) == 0) {
        return fail("cannot build the service pipe's access list: " + lastWindowsError());
    }
    PipeSecurity security;
    security.m_descriptor.reset(descriptor);
    return security;
}

SECURITY_ATTRIBUTES PipeSecurity::attributes() const {
    SECURITY_ATTRIBUTES attributes{};
    attributes.nLength = sizeof attributes;
    attributes.lpSecurityDescriptor = m_descriptor.get();
    attributes.bInheritHandle = FALSE;
    return attributes;
}

}  // namespace netmon::windows_platform
