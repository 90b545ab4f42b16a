#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# What the desktop app costs under load: netmon-gui fed synthetic ticks (`--fake-load`) of
# FLOWS connections and INTERFACES interfaces at 1 Hz, for SECONDS, on Xvfb (or offscreen when
# xvfb-run is missing), showing SCREEN. Prints CPU as % of one core and peak RSS, from the
# kernel's own accounting (/proc/PID/stat, /proc/PID/status), over the run after a warm-up.
# Usage: bench/gui_load.sh [seconds=60] [flows=5000] [interfaces=10] [screen=connections] [netmon-gui]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
seconds="${1:-60}"
flows="${2:-5000}"
interfaces="${3:-10}"
screen="${4:-connections}"
gui="${5:-${NETMON_GUI_BIN:-$root/build/src/gui/netmon-gui}}"
warmup=5
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

if [ ! -x "$gui" ]; then
    echo "gui_load: $gui not found; build first (./scripts/test.sh or cmake --build build)" >&2
    exit 1
fi
# The app's settings and data go to a scratch folder: nothing of the user's is touched.
export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" XDG_RUNTIME_DIR="$work/run"
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
args=(--fake-load "$flows,$interfaces" --screen "$screen" --quit-after $(((seconds + warmup + 5) * 1000)))
if command -v xvfb-run >/dev/null; then
    display="Xvfb"
    xvfb-run -a -s "-screen 0 1280x800x24" "$gui" "${args[@]}" >"$work/log" 2>&1 &
else
    display="offscreen"
    QT_QPA_PLATFORM=offscreen "$gui" "${args[@]}" >"$work/log" 2>&1 &
fi
launcher=$!
# Under xvfb-run the app is a child of the xvfb-run script; offscreen it is the job itself.
pid=""
for _ in $(seq 100); do
    if [ "$display" = "offscreen" ]; then
        pid="$launcher"
    else
        pid="$(pgrep -n -x netmon-gui -P "$launcher" || true)"
    fi
    [ -n "$pid" ] && [ -e "/proc/$pid/stat" ] && break
    sleep 0.1
done
if [ -z "$pid" ]; then
    echo "gui_load: netmon-gui did not start" >&2
    cat "$work/log" >&2
    exit 1
fi
ticks_per_second="$(getconf CLK_TCK)"
cpu_ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
sleep "$warmup"  # start-up (fonts, first layout) is not the steady cost
start_ticks="$(cpu_ticks)"
start_time="$(date +%s.%N)"
sleep "$seconds"
end_ticks="$(cpu_ticks)"
end_time="$(date +%s.%N)"
peak_kib="$(awk '/VmHWM/ {print $2}' "/proc/$pid/status")"
rss_kib="$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")"
wait "$launcher" || true

awk -v t0="$start_ticks" -v t1="$end_ticks" -v hz="$ticks_per_second" -v s0="$start_time" \
    -v s1="$end_time" -v peak="$peak_kib" -v rss="$rss_kib" -v flows="$flows" \
    -v ifaces="$interfaces" -v screen="$screen" -v display="$display" 'BEGIN {
    cpu = (t1 - t0) / hz
    wall = s1 - s0
    printf "netmon-gui, %d connections + %d interfaces at 1 Hz, %s screen on %s, %.0f s: " \
           "CPU %.2f s = %.2f %% of one core; peak RSS %.1f MiB (now %.1f MiB)\n",
           flows, ifaces, screen, display, wall, cpu, 100 * cpu / wall, peak / 1024, rss / 1024
    if (100 * cpu / wall >= 5 || peak / 1024 >= 150) { exit 3 }
}'
