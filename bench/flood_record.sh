#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# What a flood of new sources costs `netmon record` in deep mode: a veth pair between two
# namespaces this script makes (and removes on every exit path); netmon records in one of them
# while bench_flood_sender, in the other, sends UDP from random spoofed sources (10.0.0.0/8,
# random ports: nearly every frame a new host and a new flow) for SECONDS. Prints the rate
# reached, netmon's CPU over the flood (% of one core, from /proc/PID/stat), its peak RSS
# (VmHWM), and what history stored: breakdown keys, per-host rows, and the per-host bytes in
# next to the veth's own received bytes. Nothing leaves the two namespaces.
# Needs root; run after building: bench/flood_record.sh [SECONDS=20] [RATE=0 (flat out)]
# NETMON_BUILD_DIR: another build folder; NETMON_BIN: another netmon binary (e.g. an older
# build, for before/after figures); NETMON_MODE: deep (default) or basic.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${NETMON_BUILD_DIR:-$root/build}"
netmon="${NETMON_BIN:-$build/src/cli/netmon}"
sender="$build/bench/bench_flood_sender"
seconds="${1:-20}"
rate="${2:-0}"
mode="${NETMON_MODE:-deep}"

if [ "$(id -u)" -ne 0 ]; then
    echo "flood_record: needs root (network namespaces, deep mode)" >&2
    exit 1
fi
for binary in "$netmon" "$sender"; do
    if [ ! -x "$binary" ]; then
        echo "flood_record: $binary is missing: build first (./scripts/test.sh)" >&2
        exit 1
    fi
done

id="$$"
nsA="nmf-a-$id"
nsB="nmf-b-$id"
work="$(mktemp -d)"
recorder=""
cleanup() {
    if [ -n "$recorder" ]; then
        kill -TERM "$recorder" 2>/dev/null || true
        wait "$recorder" 2>/dev/null || true
    fi
    ip netns del "$nsA" 2>/dev/null || true
    ip netns del "$nsB" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT INT TERM

. "$root/bench/lib/veth_pair.sh"
make_veth_pair "$nsA" "$nsB" nmfa0 nmfb0 02:00:00:00:0f:01 02:00:00:00:0f:02 10.254.0.1 10.254.0.2

# Default settings (a file of our own, so the user's settings play no part).
echo '{"version": 1}' >"$work/config.json"
ip netns exec "$nsB" env ${NETMON_ENV:-} HOME="$work" XDG_CONFIG_HOME="$work" XDG_DATA_HOME="$work" \
    "$netmon" --config "$work/config.json" --mode "$mode" record --db "$work/history.db" \
    2>"$work/stderr" &
recorder=$!
for _ in $(seq 100); do grep -q "recording every" "$work/stderr" && break; sleep 0.1; done
if ! grep -q "recording every" "$work/stderr"; then
    echo "flood_record: netmon did not start:" >&2
    cat "$work/stderr" >&2
    exit 1
fi
sleep 2  # its first ticks (the baseline) before the flood

cpuTicks() { awk '{print $14 + $15}' "/proc/$recorder/stat"; }
rxBytes() { ip netns exec "$nsB" cat /sys/class/net/nmfb0/statistics/rx_bytes; }
hz="$(getconf CLK_TCK)"
rxBefore="$(rxBytes)"
cpuBefore="$(cpuTicks)"
started="$(date +%s.%N)"
sent="$(ip netns exec "$nsA" "$sender" nmfa0 02:00:00:00:0f:02 10.254.0.2 "$seconds" "$rate")"
cpuAfter="$(cpuTicks)"
ended="$(date +%s.%N)"
peakKib="$(awk '/VmHWM/ {print $2}' "/proc/$recorder/status")"
sleep 3  # the last flood ticks reach history
kill -TERM "$recorder"
wait "$recorder" || true
recorder=""
rxAfter="$(rxBytes)"

query() { sqlite3 "$work/history.db" "$1" 2>/dev/null || echo "?"; }
keys="$(query 'SELECT count(*) FROM breakdown_keys')"
hostKeys="$(query 'SELECT count(*) FROM breakdown_keys WHERE dimension = 1')"
# Dimension 1: hosts, 3: the hosts' "other" row (older versions have none).
hostRows='FROM breakdown_hour AS h JOIN breakdown_keys AS k ON k.id = h.key_id WHERE k.dimension IN (1, 3)'
hourRows="$(query "SELECT count(*) $hostRows")"
hostBytes="$(query "SELECT coalesce(sum(h.bytes_in), 0) $hostRows")"

echo "netmon --mode $mode record under a flood of new sources: $sent (${seconds} s)"
awk -v before="$cpuBefore" -v after="$cpuAfter" -v hz="$hz" -v t0="$started" -v t1="$ended" \
    -v kib="$peakKib" 'BEGIN {
    cpu = (after - before) / hz
    printf "  netmon CPU %.2f s over %.1f s = %.1f %% of one core; peak RSS %.1f MiB\n",
           cpu, t1 - t0, 100 * cpu / (t1 - t0), kib / 1024
}'
echo "  history: $keys breakdown keys ($hostKeys hosts), $hourRows per-host hour rows (\"other\" included)"
echo "  per-host bytes in stored: $hostBytes; the veth received $((rxAfter - rxBefore)) bytes" \
    "over the flood"
