// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"
#include "platform/common/folder_trust.h"
#include "platform/windows/windows_api.h"

// What a file's or folder's security descriptor says, in the terms platform/common/folder_trust.h
// decides on: its owner, whether it is a reparse point, its DACL's entries.
namespace netmon::windows_platform {

// SYSTEM, BUILTIN\Administrators, NT SERVICE\TrustedInstaller, this process's own account, or
// Other (also an invalid SID).
platform::Trustee trusteeOf(PSID sid);

// From a handle opened with READ_CONTROL (and FILE_FLAG_OPEN_REPARSE_POINT, so a link is the
// link itself). `attributes` are GetFileAttributesW's for its name, which see a link as a link
// where the handle's attributes may not (Wine).
Result<platform::SecurityFacts> readSecurityFacts(HANDLE object, DWORD attributes);

}  // namespace netmon::windows_platform
