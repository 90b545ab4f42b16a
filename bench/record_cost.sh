#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# What `netmon record` costs while left running: CPU as % of one core and peak RSS, measured by
# the kernel's own accounting (/proc/PID/stat, /proc/PID/status) over a run of at least 60 s.
# Usage: bench/record_cost.sh [seconds=60] [interval_ms=1000] [connections=0] [mode=basic]
# With connections > 0, that many live loopback TCP connections are held meanwhile
# (bench_hold_connections), so the figure includes the socket table, owners and aggregation.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
seconds="${1:-60}"
interval="${2:-1000}"
connections="${3:-0}"
mode="${4:-basic}"
build="${NETMON_BUILD_DIR:-$root/build}"
netmon="$build/src/cli/netmon"
work="$(mktemp -d)"
holder=""
cleanup() {
    [ -n "$holder" ] && kill "$holder" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT
if [ "$connections" -gt 0 ]; then
    "$build/bench/bench_hold_connections" "$connections" >"$work/holder.log" &
    holder=$!
    until grep -q holding "$work/holder.log" 2>/dev/null; do sleep 0.2; done
fi

"$netmon" --mode "$mode" record --db "$work/history.db" --interval "$interval" \
    2>"$work/stderr" &
pid=$!
ticks_per_second="$(getconf CLK_TCK)"
sleep "$seconds"
# Fields 14 and 15 of /proc/PID/stat: user and system time in clock ticks.
read -r utime stime < <(awk '{print $14, $15}' "/proc/$pid/stat")
peak_kib="$(awk '/VmHWM/ {print $2}' "/proc/$pid/status")"
kill -TERM "$pid"
wait "$pid" || true
rows="$(sqlite3 "$work/history.db" 'select count(*) from samples' 2>/dev/null || echo '?')"

awk -v u="$utime" -v s="$stime" -v hz="$ticks_per_second" -v secs="$seconds" \
    -v kib="$peak_kib" -v ms="$interval" -v rows="$rows" -v conns="$connections" \
    -v mode="$mode" 'BEGIN {
    cpu = (u + s) / hz
    printf "netmon record (%s mode), %d s at %d ms, %d live connections: CPU %.3f s = %.3f %% of one core; peak RSS %.1f MiB; %s raw rows\n",
           mode, secs, ms, conns, cpu, 100 * cpu / secs, kib / 1024, rows
}'
