// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace netmon::cli {

struct Output;
struct SourceProvider;

// Exit statuses: 0 done, 1 something failed at run time, 2 the command line was wrong.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitUsage = 2;

// The program: one `netmon` command line (argv[0] is the program's name) run with this OS's
// sources, printing on stdout and stderr. Returns the exit status.
int runApp(int argc, char** argv);
// The same command line run with `sources`, printing to `output`: what tests/unit/cli runs.
int runApp(int argc, const char* const* argv, const SourceProvider& sources, const Output& output);

}  // namespace netmon::cli
