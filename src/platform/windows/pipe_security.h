// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"
#include "platform/windows/security_descriptor.h"

namespace netmon::windows_platform {

// The service pipe's security descriptor: SYSTEM and Administrators full control, interactive
// users read and write but not FILE_CREATE_PIPE_INSTANCE (so they cannot add instances of the
// service's pipe and answer its clients), nobody else. Protected: nothing inherited.
class PipeSecurity {
public:
    static constexpr const wchar_t* kSddl = L"D:P(A;;FA;;;SY)(A;;FA;;;BA)(A;;0x12019b;;;IU)";

    static Result<PipeSecurity> make();
    // For CreateNamedPipeW; valid while this object lives.
    [[nodiscard]] SECURITY_ATTRIBUTES attributes() const;

private:
    SecurityDescriptor m_descriptor;
};

}  // namespace netmon::windows_platform
