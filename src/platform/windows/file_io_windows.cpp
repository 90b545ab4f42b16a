// SPDX-License-Identifier: GPL-3.0-or-later
#include <windows.h>

#include <algorithm>
#include <string>

#include "core/file_io.h"
#include "platform/windows/windows_error.h"
#include "platform/windows/windows_handles.h"

namespace netmon {

Result<void> writeFileAtomically(const std::filesystem::path& path, std::string_view content) {
    using windows_platform::lastWindowsError;
    std::error_code error;
    const std::filesystem::path folder =
        path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
    std::filesystem::create_directories(folder, error);
    if (error) {
        return fail("cannot create the folder " + folder.string() + ": " + error.message(),
                    "check its permissions");
    }
    std::filesystem::path temporary = path;
    temporary += ".tmp-" + std::to_string(::GetCurrentProcessId());
    {
        const windows_platform::UniqueHandle file = windows_platform::adoptHandle(
            ::CreateFileW(temporary.c_str(), GENERIC_WRITE, 0, nullptr, CREATE_ALWAYS,
                          FILE_ATTRIBUTE_NORMAL, nullptr));
        if (!file) {
            return fail("cannot write " + temporary.string() + ": " + lastWindowsError(),
                        "check the folder's permissions and free space");
        }
        std::size_t written = 0;
        while (written < content.size()) {
            const DWORD chunk =
                static_cast<DWORD>(std::min<std::size_t>(content.size() - written, 1U << 30U));
            DWORD done = 0;
            if (::WriteFile(file.get(), content.data() + written, chunk, &done, nullptr) == 0 ||
                done == 0) {
                const std::string reason = lastWindowsError();
                ::DeleteFileW(temporary.c_str());
                return fail("writing " + temporary.string() + " failed: " + reason,
                            "check free disk space");
            }
            written += done;
        }
        if (::FlushFileBuffers(file.get()) == 0) {
            const std::string reason = lastWindowsError();
            ::DeleteFileW(temporary.c_str());
            return fail("flushing " + temporary.string() + " failed: " + reason, "check the disk");
        }
    }
    // Write-through: the rename is on disk when the call returns.
    if (::MoveFileExW(temporary.c_str(), path.c_str(),
                      MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH) == 0) {
        const std::string reason = lastWindowsError();
        ::DeleteFileW(temporary.c_str());
        return fail("cannot replace " + path.string() + ": " + reason,
                    "check its permissions, and that no other program holds it open");
    }
    return {};
}

}  // namespace netmon
