// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>
#include <nlohmann/json.hpp>

#include "core/model/snapshot.h"
#include "core/result.h"

namespace netmon::protocol {

// A Snapshot as JSON and back, for the service's socket: every field, exactly. Names are the
// fields' own in snake_case; counters are JSON integers to the full uint64 range; an unknown
// (empty optional) is null, never 0; enums are their toString names; addresses their canonical
// text (null for none); wall time integer nanoseconds since the Unix epoch.
nlohmann::json encodeSnapshot(const Snapshot& snapshot);

// What a peer sent, checked field by field: never throws; a wrong type, a missing field, a
// number out of the field's range or a list longer than kMaxListItems is an Error naming the
// field ("flows[3].remote_port: expected an integer 0–65535, not a string"). Text is made valid
// UTF-8.
//
// steadyTime is not sent: a steady clock's epoch is its process's (or boot's), so the sender's
// reading means nothing here. The snapshot gets `received`, the reader's steady time when the
// message came, which keeps rates and ages computed from it within the reader's clock.
Result<Snapshot> decodeSnapshot(const nlohmann::json& json,
                                std::chrono::steady_clock::time_point received);

}  // namespace netmon::protocol
