#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# What `netmon record` costs while left running: CPU as % of one core and peak RSS, measured by
# the kernel's own accounting (/proc/PID/stat, /proc/PID/status) over a run of at least 60 s.
# Usage: bench/record_cost.sh [seconds=60] [interval_ms=1000] [netmon binary]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
seconds="${1:-60}"
interval="${2:-1000}"
netmon="${3:-$root/build/src/cli/netmon}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

"$netmon" record --db "$work/history.db" --interval "$interval" 2>"$work/stderr" &
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
    -v kib="$peak_kib" -v ms="$interval" -v rows="$rows" 'BEGIN {
    cpu = (u + s) / hz
    printf "netmon record, %d s at %d ms: CPU %.3f s = %.3f %% of one core; peak RSS %.1f MiB; %s raw rows\n",
           secs, ms, cpu, 100 * cpu / secs, kib / 1024, rows
}'
