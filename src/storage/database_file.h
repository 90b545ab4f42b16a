// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "storage/sqlite_handle.h"

namespace netmon::storage {

struct WriteOpenOptions {
    // PRAGMA quick_check reads every page: done on first open, skipped when the writer reopens
    // its connection to retry after a failed write.
    bool quickCheck = true;
};

struct WriteOpenError {
    Error error;
    // A newer schema: the file must stay untouched, so retrying later is pointless. Any other
    // failure on an existing file (read-only disk, full disk, lock) may pass with time.
    bool refused = false;
};

// Opens the history database for writing, creating its folder and file as needed, in WAL mode,
// migrated to the latest schema. A damaged file is set aside and a new one started (said in
// `warnings`); a newer schema is refused and the file left untouched. A file that SQLite can
// only open read-only comes back as such (Connection::isReadOnly).
tl::expected<Connection, WriteOpenError> openDatabaseForWriting(const std::filesystem::path& path,
                                                                const Clock& clock,
                                                                std::vector<std::string>& warnings,
                                                                WriteOpenOptions options = {});

// Creates the database's folder if it is missing (the writer lock beside the database needs it
// before the database is opened).
Result<void> createDatabaseFolder(const std::filesystem::path& path);

// Opens an existing database read-only, checking that its schema is the one this build reads.
Result<Connection> openDatabaseForReading(const std::filesystem::path& path);

// "This file is from a newer Network Monitor" error, shared by writer and reader.
Error newerSchemaError(const std::filesystem::path& path, int version);

}  // namespace netmon::storage
