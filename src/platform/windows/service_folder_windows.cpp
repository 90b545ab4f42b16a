// SPDX-License-Identifier: GPL-3.0-or-later
// Windows side of platform/service_folder.h. %ProgramData%'s own access list lets every user
// create a folder or file there and own it, so a user could make %ProgramData%\NetworkMonitor
// (or plant netmond.json, history.db, a junction) before the service first runs, and so steer
// LocalSystem's settings or read every user's history. The folder is therefore created in one
// step with its final security descriptor, and whatever exists is judged by
// platform/common/folder_trust.h before anything in it is opened.
// clang-format off
#include "platform/windows/windows_api.h"
#include <aclapi.h>
// clang-format on

#include "platform/common/folder_trust.h"
#include "platform/service_folder.h"
#include "platform/windows/object_security.h"
#include "platform/windows/security_descriptor.h"
#include "platform/windows/windows_error.h"
#include "platform/windows/windows_handles.h"

namespace netmon::platform {
namespace {

namespace fs = std::filesystem;
using windows_platform::describeWindowsError;
using windows_platform::SecurityDescriptor;
using windows_platform::UniqueHandle;

// Owner Administrators; SYSTEM and Administrators full control, inherited by what is created
// inside; protected (P): nothing inherited from %ProgramData%.
constexpr wchar_t kFolderSddl[] = L"O:BAD:P(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)";
// A file's DACL when it has to be reset: the same two accounts.
constexpr wchar_t kFileSddl[] = L"D:P(A;;FA;;;SY)(A;;FA;;;BA)";

constexpr const char* kRefusedHint =
    "netmond did not make it, so it was left alone: check what is in it, remove it as "
    "Administrator, and start netmond again (it makes its folder itself, admin-only)";

constexpr const char* kElevateHint =
    "run netmond as the service, or from a console started as Administrator";

struct Opened {
    UniqueHandle handle;
    bool mayWriteDac = false;
    DWORD error = ERROR_SUCCESS;
};

// The object itself, never what a link points to. WRITE_DAC is asked for where granted (it is
// needed only to reset an access list); without it the object can still be judged.
Opened openForSecurity(const fs::path& path) {
    constexpr DWORD kShare = FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE;
    constexpr DWORD kFlags = FILE_FLAG_BACKUP_SEMANTICS | FILE_FLAG_OPEN_REPARSE_POINT;
    Opened opened;
    for (const DWORD access : {DWORD{READ_CONTROL | WRITE_DAC}, DWORD{READ_CONTROL}}) {
        opened.handle = windows_platform::adoptHandle(
            ::CreateFileW(path.c_str(), access, kShare, nullptr, OPEN_EXISTING, kFlags, nullptr));
        if (opened.handle) {
            opened.mayWriteDac = (access & WRITE_DAC) != 0;
            return opened;
        }
        opened.error = ::GetLastError();
        if (opened.error != ERROR_ACCESS_DENIED) {
            break;
        }
    }
    return opened;
}

Result<std::vector<std::string>> secureExisting(const fs::path& path, ObjectRole role) {
    const std::string name = path.string();
    // By name first: GetFileAttributesW sees a link as the link, and a link whose handle will
    // not open (under Wine) is still something there, never "missing".
    const DWORD attributes = ::GetFileAttributesW(path.c_str());
    if (attributes == INVALID_FILE_ATTRIBUTES) {
        const DWORD error = ::GetLastError();
        if (role == ObjectRole::File &&
            (error == ERROR_FILE_NOT_FOUND || error == ERROR_PATH_NOT_FOUND)) {
            return std::vector<std::string>{};  // created later, with the folder's access list
        }
        return fail("cannot check " + name + ": " + describeWindowsError(error),
                    error == ERROR_ACCESS_DENIED ? kElevateHint : kRefusedHint);
    }
    if ((attributes & FILE_ATTRIBUTE_REPARSE_POINT) != 0) {
        SecurityFacts link;
        link.reparsePoint = true;
        return fail("refusing to use " + name + ": " + judgeServiceObject(link, role).reason,
                    kRefusedHint);
    }
    Opened opened = openForSecurity(path);
    if (!opened.handle) {
        return fail("cannot check who owns " + name + ": " + describeWindowsError(opened.error),
                    opened.error == ERROR_ACCESS_DENIED ? kElevateHint : kRefusedHint);
    }
    auto facts = windows_platform::readSecurityFacts(opened.handle.get(), attributes);
    if (!facts) {
        return fail("cannot check who owns " + name + ": " + facts.error().message, kRefusedHint);
    }
    const TrustDecision decision = judgeServiceObject(*facts, role);
    if (decision.verdict == TrustVerdict::Refuse) {
        return fail("refusing to use " + name + ": " + decision.reason, kRefusedHint);
    }
    if (decision.verdict == TrustVerdict::Accept) {
        return std::vector<std::string>{};
    }
    auto descriptor = SecurityDescriptor::fromSddl(
        role == ObjectRole::Folder ? kFolderSddl : kFileSddl, "an admin-only access list");
    if (!descriptor) {
        return tl::unexpected(descriptor.error());
    }
    const DWORD status =
        opened.mayWriteDac
            ? ::SetSecurityInfo(opened.handle.get(), SE_FILE_OBJECT,
                                DACL_SECURITY_INFORMATION | PROTECTED_DACL_SECURITY_INFORMATION,
                                nullptr, nullptr, descriptor->dacl(), nullptr)
            : DWORD{ERROR_ACCESS_DENIED};
    if (status != ERROR_SUCCESS) {
        return fail("cannot make " + name + " admin-only (" + decision.reason +
                        "): " + describeWindowsError(status),
                    kElevateHint);
    }
    return std::vector<std::string>{"made " + name +
                                    " admin-only (SYSTEM and Administrators): " + decision.reason};
}

}  // namespace

Result<std::vector<std::string>> secureServiceFolder(const fs::path& folder) {
    auto descriptor = SecurityDescriptor::fromSddl(kFolderSddl, "the service folder's access list");
    if (!descriptor) {
        return tl::unexpected(descriptor.error());
    }
    SECURITY_ATTRIBUTES attributes = descriptor->attributes();
    if (::CreateDirectoryW(folder.c_str(), &attributes) != 0) {
        return std::vector<std::string>{};  // made with its final access list, in one step
    }
    const DWORD error = ::GetLastError();
    if (error != ERROR_ALREADY_EXISTS) {
        return fail(
            "cannot create " + folder.string() + " admin-only: " + describeWindowsError(error),
            error == ERROR_INVALID_OWNER || error == ERROR_ACCESS_DENIED
                ? kElevateHint
                : "check that its parent folder exists");
    }
    const DWORD attributesNow = ::GetFileAttributesW(folder.c_str());
    if (attributesNow != INVALID_FILE_ATTRIBUTES &&
        (attributesNow & FILE_ATTRIBUTE_DIRECTORY) == 0) {
        return fail("refusing to use " + folder.string() + ": it is a file, not a folder",
                    kRefusedHint);
    }
    return secureExisting(folder, ObjectRole::Folder);
}

Result<std::vector<std::string>> checkServiceFile(const fs::path& file) {
    return secureExisting(file, ObjectRole::File);
}

}  // namespace netmon::platform
