// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/database_file.h"

#include <optional>
#include <system_error>

#include "platform/file_io.h"
#include "storage/corrupt_file.h"
#include "storage/database_owner.h"
#include "storage/schema_migrations.h"

namespace netmon::storage {

namespace {

bool isCorruption(int code) {
    return (code & 0xff) == SQLITE_NOTADB || (code & 0xff) == SQLITE_CORRUPT;
}

// What is wrong with a damaged file (for the warning), or nothing when it is sound.
using Damage = std::optional<std::string>;

Result<Damage> quickCheck(Connection& connection) {
    auto statement = connection.prepare("PRAGMA quick_check(5)");
    if (!statement) {
        return isCorruption(connection.lastErrorCode())
                   ? Damage(statement.error().message)
                   : Result<Damage>(tl::unexpected(statement.error()));
    }
    std::string problems;
    for (;;) {
        auto row = statement->step();
        if (!row) {
            if (isCorruption(connection.lastErrorCode())) {
                return Damage(row.error().message);
            }
            return tl::unexpected(row.error());
        }
        if (!*row) {
            break;
        }
        const std::string line = statement->textAt(0);
        if (line != "ok") {
            problems += (problems.empty() ? "" : "; ") + line;
        }
    }
    return problems.empty() ? Damage() : Damage("integrity check: " + problems);
}

// Looks at an existing file through a read-only connection, so a file that is refused (newer
// schema) or set aside (damaged) is never written to.
tl::expected<Damage, WriteOpenError> inspect(const std::filesystem::path& path, bool checkPages) {
    auto connection = Connection::open(path, SQLITE_OPEN_READONLY);
    if (!connection) {
        return tl::unexpected(WriteOpenError{connection.error()});
    }
    auto version = readSchemaVersion(*connection);
    if (!version) {
        if (isCorruption(connection->lastErrorCode())) {
            return Damage(version.error().message);
        }
        return tl::unexpected(WriteOpenError{version.error()});
    }
    if (*version > latestSchemaVersion()) {
        return tl::unexpected(WriteOpenError{newerSchemaError(path, *version), true});
    }
    if (!checkPages) {
        return Damage();
    }
    auto checked = quickCheck(*connection);
    if (!checked) {
        return tl::unexpected(WriteOpenError{checked.error()});
    }
    return *checked;
}

// A new database file, created by us with 0600 before SQLite opens it: SQLite gives -wal and
// -shm the main file's mode, so they are private too. Folders are created 0700.
Result<void> createDatabaseFile(const std::filesystem::path& path) {
    if (auto created = createDatabaseFolder(path); !created) {
        return created;
    }
    return createPrivateFile(path);
}

}  // namespace

Error newerSchemaError(const std::filesystem::path& path, int version) {
    return Error{"The history database " + path.string() + " has schema version " +
                     std::to_string(version) +
                     ", written by a newer Network Monitor; this one "
                     "understands up to version " +
                     std::to_string(latestSchemaVersion()) + ". The file was left untouched.",
                 "install the newer Network Monitor again, or choose another database path to "
                 "start a separate history"};
}

tl::expected<Connection, WriteOpenError> openDatabaseForWriting(const std::filesystem::path& path,
                                                                const Clock& clock,
                                                                std::vector<std::string>& warnings,
                                                                WriteOpenOptions options) {
    const auto failed = [](Error error, bool refused = false) {
        return tl::unexpected(WriteOpenError{std::move(error), refused});
    };
    // Nothing is written, moved or created until the file is known to be ours (or absent).
    auto claim = claimDatabase(path, options.defaultPath);
    if (!claim) {
        return failed(claim.error().error, claim.error().notOurs);
    }
    const bool created = *claim == DatabaseFile::Missing;
    if (created) {
        if (auto file = createDatabaseFile(path); !file) {
            return failed(file.error());
        }
    } else {
        auto damage = inspect(path, options.quickCheck);
        if (!damage) {
            return failed(damage.error().error, damage.error().refused);
        }
        if (*damage) {
            auto aside = moveCorruptAside(path, clock.wallNow());
            if (!aside) {
                return failed(aside.error());
            }
            warnings.push_back("The history database " + path.string() + " was damaged (" +
                               **damage + "). It was moved, unchanged, to " + aside->string() +
                               " and a new history was started at " + path.string() + ".");
            if (auto file = createDatabaseFile(path); !file) {
                return failed(file.error());
            }
        } else if (auto tightened = tightenDatabaseModes(path); !tightened) {
            warnings.push_back("The history database is readable by other users: " +
                               tightened.error().describe());
        }
    }
    // The file exists now (we made it 0600, or it is ours): SQLite must not create another.
    auto connection = Connection::open(path, SQLITE_OPEN_READWRITE);
    if (!connection) {
        return failed(connection.error());
    }
    if (!connection->isReadOnly()) {
        // Before WAL mode: on a new file the mark goes straight into the main file's header.
        if (auto marked = markAsOurs(*connection); !marked) {
            return failed(marked.error());
        }
    }
    // WAL lets readers work beside the writer. synchronous=NORMAL: a power cut may lose the
    // last batch but never corrupts, and a batch does not wait for an fsync.
    if (auto wal = connection->queryText("PRAGMA journal_mode = WAL"); !wal) {
        return failed(wal.error());
    }
    if (auto sync = connection->exec("PRAGMA synchronous = NORMAL"); !sync) {
        return failed(sync.error());
    }
    if (connection->isReadOnly()) {
        return std::move(
            *connection);  // the writer reports it and retries; a migration could not run
    }
    if (auto migrated = migrateSchema(*connection); !migrated) {
        return failed(migrated.error());
    }
    // Checked again: a newer build may have created the file since inspect().
    auto version = readSchemaVersion(*connection);
    if (!version) {
        return failed(version.error());
    }
    if (*version != latestSchemaVersion()) {
        return failed(newerSchemaError(path, *version), true);
    }
    return std::move(*connection);
}

Result<Connection> openDatabaseForReading(const std::filesystem::path& path) {
    // Reading creates no file, but SQLite would add -shm beside another program's WAL database
    // (and a FIFO would block it): the same claim as for writing, without a default location.
    auto claim = claimDatabase(path, {});
    if (!claim) {
        return tl::unexpected(claim.error().error);
    }
    if (*claim == DatabaseFile::Missing) {
        return fail("No network history at " + path.string() + " yet",
                    "run `netmon record` first: it samples the interfaces and keeps the history "
                    "there");
    }
    auto connection = Connection::open(path, SQLITE_OPEN_READONLY);
    if (!connection) {
        return tl::unexpected(connection.error());
    }
    auto version = readSchemaVersion(*connection);
    if (!version) {
        return tl::unexpected(version.error());
    }
    if (*version > latestSchemaVersion()) {
        return tl::unexpected(newerSchemaError(path, *version));
    }
    if (*version < latestSchemaVersion()) {
        return fail("The history database " + path.string() + " has schema version " +
                        std::to_string(*version) + "; this Network Monitor reads version " +
                        std::to_string(latestSchemaVersion()),
                    "run `netmon record` once: it upgrades the file in place");
    }
    return connection;
}

Result<void> createDatabaseFolder(const std::filesystem::path& path) {
    const auto folder = path.parent_path();
    if (auto created = folder.empty() ? Result<void>{} : createPrivateFolders(folder); !created) {
        return fail(
            "Could not create the folder for the history database: " + created.error().message,
            "make its parent folder writable, or choose another database path");
    }
    return {};
}

}  // namespace netmon::storage
