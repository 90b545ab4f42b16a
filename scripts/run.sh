#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs what is missing, builds, and starts Network Monitor's live view.
# Arguments go to `netmon` (default: `watch`), e.g. ./scripts/run.sh interfaces --all
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${NETMON_BUILD_DIR:-$root/build}"

"$root/scripts/setup-deps.sh"
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" --target netmon
if [ $# -eq 0 ]; then
    set -- watch
fi
exec "$build/src/cli/netmon" "$@"
