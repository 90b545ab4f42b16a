// SPDX-License-Identifier: GPL-3.0-or-later
#include "platform/windows/pipe_security.h"

namespace netmon::windows_platform {

Result<PipeSecurity> PipeSecurity::make() {
    auto descriptor = SecurityDescriptor::fromSddl(kSddl, "the service pipe's access list");
    if (!descriptor) {
        return tl::unexpected(descriptor.error());
    }
    PipeSecurity security;
    security.m_descriptor = std::move(*descriptor);
    return security;
}

SECURITY_ATTRIBUTES PipeSecurity::attributes() const {
    return m_descriptor.attributes();
}

}  // namespace netmon::windows_platform
