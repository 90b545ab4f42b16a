// SPDX-License-Identifier: GPL-3.0-or-later
// Windows side of core/file_io.h. Privacy comes from where the files live: a new file or folder
// inherits its folder's ACL, and %APPDATA% and %LOCALAPPDATA% grant only the user, SYSTEM and
// Administrators. So there is no chmod here and no ACL code of our own (makePrivate is a no-op);
// the POSIX side sets 0600/0700 explicitly because a Linux home is often world-readable.
#include <windows.h>

#include <algorithm>
#include <string>

#include "platform/file_io.h"
#include "platform/windows/windows_error.h"
#include "platform/windows/windows_handles.h"

namespace netmon {
namespace {

namespace fs = std::filesystem;
using windows_platform::lastWindowsError;
using windows_platform::UniqueHandle;

// CREATE_NEW is Windows' O_EXCL: it fails when the name exists, a link included.
UniqueHandle createNew(const fs::path& path) {
    return windows_platform::adoptHandle(::CreateFileW(path.c_str(), GENERIC_WRITE, 0, nullptr,
                                                       CREATE_NEW, FILE_ATTRIBUTE_NORMAL, nullptr));
}

Result<void> writeAll(HANDLE file, std::string_view content, const fs::path& path) {
    std::size_t written = 0;
    while (written < content.size()) {
        const DWORD chunk =
            static_cast<DWORD>(std::min<std::size_t>(content.size() - written, 1U << 30U));
        DWORD done = 0;
        if (::WriteFile(file, content.data() + written, chunk, &done, nullptr) == 0 || done == 0) {
            return fail("writing " + path.string() + " failed: " + lastWindowsError(),
                        "check free disk space");
        }
        written += done;
    }
    return {};
}

}  // namespace

Result<FileStart> readFileStart(const fs::path& path, std::size_t maxBytes) {
    if (const PathKind kind = pathKind(path);
        kind == PathKind::Directory || kind == PathKind::Other) {
        return tl::unexpected(notARegularFile(path, kind, ""));
    }
    // Without FILE_FLAG_BACKUP_SEMANTICS a folder does not open; GetFileType refuses pipes and
    // devices (\\.\pipe\…, CON) that slipped past the check above.
    const UniqueHandle file = windows_platform::adoptHandle(::CreateFileW(
        path.c_str(), GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, nullptr,
        OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, nullptr));
    if (!file) {
        return fail("cannot open " + path.string() + " for reading: " + lastWindowsError(),
                    "check that it exists and that you may read it");
    }
    if (::GetFileType(file.get()) != FILE_TYPE_DISK) {
        return tl::unexpected(notARegularFile(path, PathKind::Other, ""));
    }
    FileStart start;
    start.bytes.resize(maxBytes + 1);  // one byte more tells whether the file goes on
    std::size_t used = 0;
    while (used < start.bytes.size()) {
        const DWORD chunk =
            static_cast<DWORD>(std::min<std::size_t>(start.bytes.size() - used, 1U << 30U));
        DWORD got = 0;
        if (::ReadFile(file.get(), start.bytes.data() + used, chunk, &got, nullptr) == 0) {
            return fail("reading " + path.string() + " failed: " + lastWindowsError(),
                        "check the disk");
        }
        if (got == 0) {
            break;
        }
        used += got;
    }
    start.whole = used <= maxBytes;
    start.bytes.resize(std::min(used, maxBytes));
    return start;
}

Result<void> createPrivateFolders(const fs::path& folder) {
    std::error_code error;
    if (fs::is_directory(folder, error)) {
        return {};
    }
    fs::create_directories(folder, error);  // inherits the parent's ACL (see the top)
    if (error) {
        return fail("cannot create the folder " + folder.string() + ": " + error.message(),
                    "check its parent folder's permissions");
    }
    return {};
}

Result<void> createPrivateFile(const fs::path& path) {
    if (!createNew(path)) {
        return fail("cannot create " + path.string() + ": " + lastWindowsError(),
                    "check the folder's permissions, and that nothing else has that name");
    }
    return {};
}

Result<void> makePrivate(const fs::path& /*path*/) {
    return {};  // the folder's inherited ACL already decides (see the top)
}

Result<void> writeFileAtomically(const fs::path& path, std::string_view content) {
    auto target = prepareWriteTarget(path);
    if (!target) {
        return tl::unexpected(target.error());
    }
    fs::path temporary;
    UniqueHandle file;
    for (int attempt = 0; attempt < 100 && !file; ++attempt) {
        temporary = *target;
        temporary += ".tmp-" + unpredictableSuffix();
        file = createNew(temporary);
        if (!file && ::GetLastError() != ERROR_FILE_EXISTS) {
            break;
        }
    }
    if (!file) {
        return fail("cannot write " + temporary.string() + ": " + lastWindowsError(),
                    "check the folder's permissions and free space");
    }
    Result<void> done = writeAll(file.get(), content, temporary);
    if (done && ::FlushFileBuffers(file.get()) == 0) {
        done = fail("flushing " + temporary.string() + " failed: " + lastWindowsError(),
                    "check the disk");
    }
    file.reset();
    // Write-through: the rename is on disk when the call returns.
    if (done && ::MoveFileExW(temporary.c_str(), target->c_str(),
                              MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH) == 0) {
        done = fail("cannot replace " + target->string() + ": " + lastWindowsError(),
                    "check its permissions, and that no other program holds it open");
    }
    if (!done) {
        ::DeleteFileW(temporary.c_str());
    }
    return done;
}

}  // namespace netmon
