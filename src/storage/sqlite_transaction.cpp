// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/sqlite_transaction.h"

#include <sqlite3.h>

#include <utility>

namespace netmon::storage {

Result<Transaction> Transaction::begin(Connection& connection) {
    // IMMEDIATE takes the write lock now, so a busy database fails here and not mid-batch.
    if (auto started = connection.exec("BEGIN IMMEDIATE"); !started) {
        return tl::unexpected(started.error());
    }
    return Transaction(connection);
}

Result<Transaction> Transaction::beginRead(Connection& connection) {
    if (auto started = connection.exec("BEGIN DEFERRED"); !started) {
        return tl::unexpected(started.error());
    }
    return Transaction(connection);
}

Result<void> Transaction::commit() {
    auto done = m_connection->exec("COMMIT");
    if (done) {
        m_connection = nullptr;
    }
    return done;  // on failure the destructor rolls back whatever SQLite left open
}

Transaction::Transaction(Transaction&& other) noexcept
    : m_connection(std::exchange(other.m_connection, nullptr)) {}

Transaction::~Transaction() {
    if (m_connection && sqlite3_get_autocommit(m_connection->get()) == 0) {
        sqlite3_exec(m_connection->get(), "ROLLBACK", nullptr, nullptr, nullptr);
    }
}

}  // namespace netmon::storage
