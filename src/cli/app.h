// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace netmon::cli {

// Exit statuses: 0 done, 1 something failed at run time, 2 the command line was wrong.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitUsage = 2;

int runApp(int argc, char** argv);

}  // namespace netmon::cli
