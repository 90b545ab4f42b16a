// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace netmon {

// Who holds a file lock, as the holder wrote it into the lock file once it had the lock, so a
// second process can name it ("1234 (netmon record)"). The note is one short line per field:
//   "<pid>\n<program>\n"
struct LockHolder {
    std::uint32_t pid = 0;
    std::string program;

    friend bool operator==(const LockHolder&, const LockHolder&) = default;
};

// Longest note a reader takes in: anything longer is not ours.
inline constexpr std::size_t kMaxLockNoteBytes = 128;

std::string formatLockNote(const LockHolder& holder);
// The note read from a lock file is hostile input (any local user may write one): nothing
// unless it is exactly a pid (1 … 2^32-1, decimal, no sign or padding) and a program name of
// printable ASCII (1 … 64 characters).
std::optional<LockHolder> parseLockNote(std::string_view note);
// "1234 (netmon record)", or "another process" when the note could not be read.
std::string describeLockHolder(const std::optional<LockHolder>& holder);

}  // namespace netmon
