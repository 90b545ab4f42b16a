// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"
#include "storage/sqlite_connection.h"

namespace netmon::storage {

// The schema version this build writes and understands (PRAGMA user_version).
int latestSchemaVersion();

Result<int> readSchemaVersion(Connection& connection);

// Applies the migrations after the file's version, up to `targetVersion`, each in its own
// transaction that also sets user_version, so an interrupted upgrade resumes where it stopped.
// Tests pass an older target to build databases as an older release left them.
Result<void> migrateSchema(Connection& connection, int targetVersion = latestSchemaVersion());

}  // namespace netmon::storage
