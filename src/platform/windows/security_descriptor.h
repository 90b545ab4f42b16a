// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>
#include <string_view>

#include "core/result.h"
#include "platform/windows/windows_api.h"

namespace netmon::windows_platform {

// A self-relative security descriptor built from SDDL text (the service pipe's, the service
// folder's), freed with LocalFree as ConvertStringSecurityDescriptorToSecurityDescriptorW wants.
class SecurityDescriptor {
public:
    // `what` names it in the error ("the service pipe's access list").
    static Result<SecurityDescriptor> fromSddl(const wchar_t* sddl, std::string_view what);

    [[nodiscard]] PSECURITY_DESCRIPTOR get() const { return m_descriptor.get(); }
    // Its DACL (inside the descriptor; valid while this object lives), null when it has none.
    [[nodiscard]] PACL dacl() const;
    // For CreateNamedPipeW, CreateDirectoryW …; valid while this object lives.
    [[nodiscard]] SECURITY_ATTRIBUTES attributes() const;

private:
    struct LocalFreer {
        void operator()(void* memory) const noexcept { ::LocalFree(memory); }
    };
    std::unique_ptr<void, LocalFreer> m_descriptor;
};

}  // namespace netmon::windows_platform
