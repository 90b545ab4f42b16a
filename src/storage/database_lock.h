// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string_view>

#include "core/lock_holder.h"
#include "core/result.h"
#include "platform/file_lock.h"

namespace netmon::storage {

// Why the history could not be opened for writing. `locked`: another process records into this
// database (one writer per database, or every byte would be stored once per writer), which
// `holder` names when its note could be read; wait for it to stop, or use another database.
struct WriterOpenError : Error {
    bool locked = false;
    std::optional<LockHolder> holder = std::nullopt;
};

// "<database>.lock", beside the database as the links in its path resolve, so that every path
// that reaches the same file (relative, absolute, through a symbolic link) takes the same lock.
std::filesystem::path databaseLockPath(const std::filesystem::path& database);

// Takes the database's writer lock, creating its folder if needed and touching nothing else:
// taken before the database is opened, checked, set aside or migrated, held while `program`
// writes it, released when the returned lock is destroyed or the process ends.
tl::expected<std::unique_ptr<FileLock>, WriterOpenError> lockDatabase(
    const std::filesystem::path& database, std::string_view program);

}  // namespace netmon::storage
