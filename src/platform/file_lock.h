// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string_view>

#include "core/lock_holder.h"
#include "core/result.h"

namespace netmon {

// An exclusive advisory lock on a lock file, held while the object lives. The OS drops it when
// the holder's process ends however it ends (exit, crash, kill -9), so a lock is never stale
// and nothing needs cleaning up after a dead holder. Defined by the platform library: Linux
// flock() on the file, Windows LockFileEx() on a byte range past the note.
class FileLock {
public:
    virtual ~FileLock() = default;  // clears the note, then releases the lock
};

struct FileLockFailure {
    Error error;
    bool held = false;  // another process (or another open of it) holds the lock
    // Who, when its note could be read and made sense.
    std::optional<LockHolder> holder = std::nullopt;
};

// Takes the lock without waiting, creating the lock file (private to the user) if needed, and
// then writes this process's id and `program` into it (the note others read to name us). The
// lock file is never deleted: removing a lock file others may have open would let two
// processes each hold "the" lock. A path that is a symbolic link, a hard link or not a regular
// file is refused and left alone.
tl::expected<std::unique_ptr<FileLock>, FileLockFailure> tryLockFile(
    const std::filesystem::path& path, std::string_view program);

// This process's id, as the note carries it.
std::uint32_t currentProcessId();

}  // namespace netmon
