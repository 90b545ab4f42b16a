// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <filesystem>

#include "core/result.h"
#include "storage/sqlite_connection.h"

namespace netmon::storage {

// Network Monitor's mark in its history databases (PRAGMA application_id, bytes 68–71 of the
// file): ASCII "NMON". It tells our file from any other SQLite file without trusting its name.
inline constexpr std::uint32_t kApplicationId = 0x4E4D4F4E;

enum class DatabaseFile : std::uint8_t {
    Missing,  // nothing at the path: ours to create
    Ours,     // ours to open, migrate and, when damaged, set aside
};

struct ClaimError {
    Error error;
    // The file is not ours (not a regular file, not a database of ours): it must stay untouched
    // and retrying is pointless. False for a read error that may pass (permissions, the disk).
    bool notOurs = true;
};

// Decides whether the file at `path` is a history database of ours, reading it without SQLite
// writing anything (no -wal, no -shm beside someone else's file). Ours: a regular file whose
// header carries our application_id; an unmarked SQLite file with our tables (written before
// the mark existed); or anything at `defaultPath`, our file name in our folder (empty: none).
// Anything else — a folder, a FIFO, a text file, an empty file, another program's database, a
// damaged file without our mark elsewhere — is refused.
tl::expected<DatabaseFile, ClaimError> claimDatabase(const std::filesystem::path& path,
                                                     const std::filesystem::path& defaultPath);

// Sets our application_id on a writable connection if the file lacks it. On a new, empty file
// this runs before WAL mode is turned on, so the mark lands in the main file's header at once.
Result<void> markAsOurs(Connection& connection);

// Makes a database of ours and its -wal/-shm private (0600) when an older build left them
// readable by others (it created them with the umask's 0644). New files are created 0600 and
// SQLite gives -wal/-shm the main file's mode.
Result<void> tightenDatabaseModes(const std::filesystem::path& path);

}  // namespace netmon::storage
