// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace netmon::gui {

// Whether the history database is being written, as seen on the monitor thread right after the
// tick was appended. Travels to the GUI with each snapshot.
struct HistoryHealth {
    enum class State : std::uint8_t {
        Opening,    // the database is being opened; samples are not stored yet
        Recording,  // samples are written
        Failing,    // writes fail; samples wait in memory and are retried
        Disabled,   // no database: it could not be opened (message says why), or a test run
        // Another process holds the database's writer lock and records (message names it:
        // "1234 (netmon record)"); this one stores nothing and takes over once it stops.
        RecordedElsewhere,
        // The Network Monitor service records every tick in its own database; this app stores
        // nothing (message: where the service answers).
        ByService
    };
    State state = State::Opening;
    std::string message;  // why it is failing or disabled (what to do), or who records
    std::size_t pendingSamples = 0;
    std::uint64_t writerGeneration = 0;  // which opened database recorded this tick (0: none)

    friend bool operator==(const HistoryHealth&, const HistoryHealth&) = default;
};

}  // namespace netmon::gui
