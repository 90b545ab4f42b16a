// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/sqlite_error.h"

#include <sqlite3.h>

#include <string>

namespace netmon::storage {

namespace {

std::string hintFor(int code, const std::filesystem::path& path) {
    const std::string folder = path.parent_path().string();
    switch (code & 0xff) {
        case SQLITE_FULL:
            return "the disk holding " + folder + " is full: free some space there";
        case SQLITE_READONLY:
        case SQLITE_CANTOPEN:
        case SQLITE_PERM:
        case SQLITE_AUTH:
            return "make " + path.string() + " and its folder " + folder +
                   " writable (permissions, or a disk mounted read-only), or choose another "
                   "database path in the settings";
        case SQLITE_BUSY:
        case SQLITE_LOCKED:
            return "another program holds the database locked: stop other `netmon record` "
                   "instances using " +
                   path.string();
        case SQLITE_IOERR:
            return "the disk reported an I/O error: check the drive and its free space";
        case SQLITE_NOTADB:
        case SQLITE_CORRUPT:
            return "the file is damaged; if it is Network Monitor's own history, `netmon "
                   "record` sets it aside and starts a new one";
        default:
            return {};
    }
}

}  // namespace

Error sqliteError(int code, std::string_view sqliteMessage, std::string_view what,
                  const std::filesystem::path& path) {
    std::string message = "Could not " + std::string(what) + " " + path.string() + ": " +
                          std::string(sqliteMessage) + " (SQLite code " + std::to_string(code) +
                          ")";
    return Error{std::move(message), hintFor(code, path)};
}

}  // namespace netmon::storage
