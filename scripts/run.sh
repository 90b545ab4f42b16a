#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs what is missing, builds, and starts Network Monitor.
# Without arguments: the desktop app (netmon-gui) when a display is available ($DISPLAY or
# $WAYLAND_DISPLAY), else the terminal live view (`netmon watch`).
# With arguments: they go to `netmon`, e.g. ./scripts/run.sh interfaces --all
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${NETMON_BUILD_DIR:-$root/build}"

"$root/scripts/setup-deps.sh"
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
if [ $# -eq 0 ] && { [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; } &&
    [ -d "$build/src/gui" ]; then  # configured with the GUI (Qt 6 was found)
    cmake --build "$build" --target netmon-gui
    exec "$build/src/gui/netmon-gui"
fi
cmake --build "$build" --target netmon
if [ $# -eq 0 ]; then
    set -- watch
fi
exec "$build/src/cli/netmon" "$@"
