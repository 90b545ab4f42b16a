// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/database_lock.h"

#include <system_error>

#include "storage/database_file.h"

namespace netmon::storage {

std::filesystem::path databaseLockPath(const std::filesystem::path& database) {
    std::error_code error;
    std::filesystem::path resolved = std::filesystem::weakly_canonical(database, error);
    if (error) {
        resolved = std::filesystem::absolute(database, error);
        if (error) {
            resolved = database;
        }
    }
    resolved += ".lock";
    return resolved;
}

tl::expected<std::unique_ptr<FileLock>, WriterOpenError> lockDatabase(
    const std::filesystem::path& database, std::string_view program) {
    if (auto created = createDatabaseFolder(database); !created) {
        return tl::unexpected(WriterOpenError{created.error()});
    }
    auto lock = tryLockFile(databaseLockPath(database), program);
    if (lock) {
        return std::move(*lock);
    }
    FileLockFailure& failure = lock.error();
    if (!failure.held) {
        return tl::unexpected(WriterOpenError{std::move(failure.error)});
    }
    WriterOpenError held{Error{"The history database " + database.string() + " is recorded by " +
                                   describeLockHolder(failure.holder),
                               "one program at a time writes a history database: stop that one "
                               "first, or choose another database path"}};
    held.locked = true;
    held.holder = std::move(failure.holder);
    return tl::unexpected(std::move(held));
}

}  // namespace netmon::storage
