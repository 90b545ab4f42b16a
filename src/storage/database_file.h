// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "storage/sqlite_connection.h"

namespace netmon::storage {

struct WriteOpenOptions {
    // PRAGMA quick_check reads every page: done on first open, skipped when the writer reopens
    // its connection to retry after a failed write.
    bool quickCheck = true;
    // The app's default database path (defaultDatabasePath()), passed in by the composition
    // root; empty: none. A damaged file there without our mark is still ours to set aside (a
    // history written before the mark existed); anywhere else only a marked file is.
    std::filesystem::path defaultPath;
};

struct WriteOpenError {
    Error error;
    // A newer schema or a file that is not ours: it must stay untouched, so retrying later is
    // pointless. Any other failure on an existing file (read-only disk, full disk, lock) may
    // pass with time.
    bool refused = false;
};

// Opens the history database for writing, creating its folder (0700) and file (0600) as
// needed, in WAL mode, marked as ours (application_id) and migrated to the latest schema. A
// path that is not a database of ours (claimDatabase) is refused and left untouched. A damaged
// database of ours is set aside and a new one started (said in `warnings`); a newer schema is
// refused and the file left untouched. A file that SQLite can only open read-only comes back as
// such (Connection::isReadOnly).
tl::expected<Connection, WriteOpenError> openDatabaseForWriting(const std::filesystem::path& path,
                                                                const Clock& clock,
                                                                std::vector<std::string>& warnings,
                                                                WriteOpenOptions options = {});

// Creates the database's folder if it is missing (the writer lock beside the database needs it
// before the database is opened).
Result<void> createDatabaseFolder(const std::filesystem::path& path);

// Opens an existing database of ours read-only, checking that its schema is the one this build
// reads. Anything else at the path is refused unread.
Result<Connection> openDatabaseForReading(const std::filesystem::path& path);

// "This file is from a newer Network Monitor" error, shared by writer and reader.
Error newerSchemaError(const std::filesystem::path& path, int version);

}  // namespace netmon::storage
