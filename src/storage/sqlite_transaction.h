// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"
#include "storage/sqlite_connection.h"

namespace netmon::storage {

// BEGIN IMMEDIATE … COMMIT; rolls back unless committed, so a failed batch leaves no trace.
class Transaction {
public:
    static Result<Transaction> begin(Connection& connection);
    // A deferred transaction that only reads: several statements see one snapshot.
    static Result<Transaction> beginRead(Connection& connection);
    Result<void> commit();
    ~Transaction();
    Transaction(Transaction&& other) noexcept;
    Transaction& operator=(Transaction&&) = delete;
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

private:
    explicit Transaction(Connection& connection) : m_connection(&connection) {}
    Connection* m_connection;  // null once committed or moved from
};

}  // namespace netmon::storage
