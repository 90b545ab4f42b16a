// SPDX-License-Identifier: GPL-3.0-or-later
// LockFileEx() on one byte far past the note: Windows byte-range locks are mandatory, so a lock
// over the note would keep others from reading who holds it. Locking past the end of a file is
// allowed, and the range never overlaps the note (at most kMaxLockNoteBytes).
#include <array>
#include <string>
#include <utility>

#include "platform/file_lock.h"
#include "platform/windows/windows_api.h"
#include "platform/windows/windows_error.h"
#include "platform/windows/windows_handles.h"

namespace netmon {
namespace {

using windows_platform::lastWindowsError;
using windows_platform::UniqueHandle;

constexpr DWORD kLockOffset = 1U << 20U;  // 1 MiB: far past any note
static_assert(kLockOffset > kMaxLockNoteBytes);

OVERLAPPED at(DWORD offset) {
    OVERLAPPED position{};
    position.Offset = offset;
    return position;
}

bool clearNote(HANDLE file) {
    LARGE_INTEGER start{};
    return ::SetFilePointerEx(file, start, nullptr, FILE_BEGIN) != 0 && ::SetEndOfFile(file) != 0;
}

class LockedFile final : public FileLock {
public:
    // `noted`: opened for writing, with our note in it (not so on a read-only disk).
    LockedFile(UniqueHandle file, bool noted) : m_file(std::move(file)), m_noted(noted) {}
    ~LockedFile() override {
        // While still ours: no one reads our pid after we are gone.
        if (m_noted) {
            (void)clearNote(m_file.get());
        }
        OVERLAPPED range = at(kLockOffset);
        ::UnlockFileEx(m_file.get(), 0, 1, 0, &range);
    }  // closing the handle would release it too
    LockedFile(const LockedFile&) = delete;
    LockedFile& operator=(const LockedFile&) = delete;

private:
    UniqueHandle m_file;
    bool m_noted;
};

tl::unexpected<FileLockFailure> failed(std::string message, std::string hint) {
    return tl::unexpected(FileLockFailure{Error{std::move(message), std::move(hint)}});
}

// The holder's note, read with a bound: the file may hold anything.
std::optional<LockHolder> readNote(HANDLE file) {
    std::array<char, kMaxLockNoteBytes + 1> buffer{};
    OVERLAPPED start = at(0);
    DWORD length = 0;
    if (::ReadFile(file, buffer.data(), static_cast<DWORD>(buffer.size()), &length, &start) == 0 ||
        length == 0) {
        return std::nullopt;  // unreadable, or the holder has not written it yet
    }
    return parseLockNote(std::string_view(buffer.data(), length));
}

void writeNote(HANDLE file, const std::string& note) {
    // Best effort: without a note others still see the lock, and say "another process".
    if (!clearNote(file)) {
        return;
    }
    OVERLAPPED start = at(0);
    DWORD written = 0;
    (void)::WriteFile(file, note.data(), static_cast<DWORD>(note.size()), &written, &start);
}

}  // namespace

std::uint32_t currentProcessId() {
    return static_cast<std::uint32_t>(::GetCurrentProcessId());
}

tl::expected<std::unique_ptr<FileLock>, FileLockFailure> tryLockFile(
    const std::filesystem::path& path, std::string_view program) {
    // Shared for reading and writing: others must open it to try the lock and read the note.
    // FILE_FLAG_OPEN_REPARSE_POINT: a link planted at the name is opened itself, not followed,
    // and then refused below.
    const auto openLockFile = [&path](DWORD access, DWORD disposition) {
        return windows_platform::adoptHandle(::CreateFileW(
            path.c_str(), access, FILE_SHARE_READ | FILE_SHARE_WRITE, nullptr, disposition,
            FILE_ATTRIBUTE_NORMAL | FILE_FLAG_OPEN_REPARSE_POINT, nullptr));
    };
    UniqueHandle file = openLockFile(GENERIC_READ | GENERIC_WRITE, OPEN_ALWAYS);
    const bool writable = static_cast<bool>(file);
    const DWORD openError = writable ? ERROR_SUCCESS : ::GetLastError();
    if (openError == ERROR_ACCESS_DENIED || openError == ERROR_WRITE_PROTECT) {
        // A read-only disk or file (the writer then keeps samples in memory until it is
        // writable): an existing lock file still locks when opened for reading, without a note.
        file = openLockFile(GENERIC_READ, OPEN_EXISTING);
    }
    if (!file) {
        return failed("Cannot open the lock file " + path.string() + ": " + lastWindowsError(),
                      "make its folder writable, or choose another database path");
    }
    BY_HANDLE_FILE_INFORMATION information{};
    if (::GetFileInformationByHandle(file.get(), &information) == 0 ||
        (information.dwFileAttributes &
         (FILE_ATTRIBUTE_DIRECTORY | FILE_ATTRIBUTE_REPARSE_POINT | FILE_ATTRIBUTE_DEVICE)) != 0 ||
        information.nNumberOfLinks != 1) {
        return failed("The lock file " + path.string() +
                          " is not a plain file of its own (a directory, link or device); it was "
                          "left alone",
                      "remove it if it is not yours, or choose another database path");
    }
    OVERLAPPED range = at(kLockOffset);
    if (::LockFileEx(file.get(), LOCKFILE_EXCLUSIVE_LOCK | LOCKFILE_FAIL_IMMEDIATELY, 0, 1, 0,
                     &range) == 0) {
        const DWORD error = ::GetLastError();
        if (error == ERROR_LOCK_VIOLATION || error == ERROR_IO_PENDING) {
            std::optional<LockHolder> holder = readNote(file.get());
            return tl::unexpected(FileLockFailure{
                Error{path.string() + " is locked by " + describeLockHolder(holder), {}}, true,
                std::move(holder)});
        }
        return failed(
            "Cannot lock " + path.string() + ": " + windows_platform::describeWindowsError(error),
            "check that its file system supports locks (a local disk does)");
    }
    if (writable) {
        writeNote(file.get(), formatLockNote(LockHolder{currentProcessId(), std::string(program)}));
    }
    return std::make_unique<LockedFile>(std::move(file), writable);
}

}  // namespace netmon
