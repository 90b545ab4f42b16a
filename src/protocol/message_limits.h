// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>

namespace netmon::protocol {

// The most items a list in a message may hold; a longer one is refused before anything is
// allocated for it, so a peer cannot make a client reserve memory by announcing a size. Far
// above what a machine shows (flows are counted in thousands, eBPF's flow map holds 65,536).
inline constexpr std::size_t kMaxListItems = 1'000'000;
// History rows: minute rows of 90 days are 129,600 per interface.
inline constexpr std::size_t kMaxHistoryRows = 10'000'000;

}  // namespace netmon::protocol
