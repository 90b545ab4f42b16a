#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# What the eBPF engine costs per packet at saturation, and that it loses no count: a veth pair
# between two namespaces this script makes (and removes on every exit path), a flood of
# 64-byte UDP datagrams from b to a by one sender pinned to one CPU (which also runs the
# receive path: veth hands packets over on the sending CPU), for SECONDS per run:
#   baseline      no program
#   empty         a program that does nothing on a's veth: what the tc hook itself costs
#   ingress       the engine on a's veth (its ingress program runs per packet), no socket hooks
#   ingress+hooks the same with the socket owner hooks (they run per sendmsg, on the sender)
#   egress        the engine on b's veth (its egress program runs per packet), no socket hooks
# The modes alternate for ROUNDS rounds. Per mode, the medians of packets/s and of the sender's
# CPU time per packet (which also holds the receive path: veth delivers on the sending CPU;
# less disturbed by other load on the machine than packets/s) give the overhead in ns per
# packet against the baseline, and "over empty": against the empty program, i.e. what counting
# adds to any tc program. Each engine run compares its totals (flows +
# other) with the veth's own counters: "exact" when every packet and byte matches.
# Needs root; run after building: bench/ebpf_overhead.sh [SECONDS] [ROUNDS]
# (NETMON_BUILD_DIR for another build folder, NETMON_PAYLOAD for other datagram sizes,
# NETMON_MODES="baseline ingress" for fewer modes)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${NETMON_BUILD_DIR:-$root/build}"
probe="$build/bench/bench_ebpf_rate"
seconds="${1:-3}"
rounds="${2:-3}"
payload="${NETMON_PAYLOAD:-64}"

if [ "$(id -u)" -ne 0 ]; then
    echo "ebpf_overhead: needs root (network namespaces, eBPF)" >&2
    exit 1
fi
if [ ! -x "$probe" ]; then
    echo "ebpf_overhead: $probe is missing: build first (./scripts/test.sh)" >&2
    exit 1
fi
cpus="$(nproc)"
senderCpu=$((cpus - 1))
listenerCpu=0

id="$$"
nsA="nme-a-$id"
nsB="nme-b-$id"
work="$(mktemp -d)"
cleanup() {
    jobs -p | xargs -r kill 2>/dev/null || true
    ip netns del "$nsA" 2>/dev/null || true
    ip netns del "$nsB" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT INT TERM

. "$root/bench/lib/veth_pair.sh"
. "$root/bench/lib/stats.sh"
make_veth_pair "$nsA" "$nsB" nmea0 nmeb0 02:00:00:00:0e:01 02:00:00:00:0e:02 10.254.0.1 10.254.0.2

# One run: prints "<packets/s> <exactness>" for a mode.
run() {
    local mode="$1" port=$((20000 + RANDOM % 10000)) listen=$((seconds + 2))
    local sinkOut="$work/sink" engineOut="$work/engine" engineArgs=()
    rm -f "$sinkOut" "$engineOut"  # a stale "ready" must not start the flood early
    case "$mode" in
        baseline) ;;
        empty) engineArgs=(--empty nmea0) ;;
        ingress) engineArgs=(--no-owners nmea0) ;;
        ingress+hooks) engineArgs=(nmea0) ;;
        egress) engineArgs=(--no-owners nmeb0) ;;
    esac
    # a's sink (and, for ingress, the engine); for egress the engine runs in b.
    if [ "$mode" = "egress" ]; then
        taskset -c "$listenerCpu" ip netns exec "$nsA" "$probe" listen "$listen" "$port" >"$sinkOut" &
        taskset -c "$listenerCpu" ip netns exec "$nsB" "$probe" listen "$listen" 0 \
            "${engineArgs[@]}" >"$engineOut" &
    else
        taskset -c "$listenerCpu" ip netns exec "$nsA" "$probe" listen "$listen" "$port" \
            "${engineArgs[@]}" >"$engineOut" &
        echo ready >"$sinkOut"
    fi
    for _ in $(seq 100); do
        grep -qs ready "$engineOut" && grep -qs ready "$sinkOut" && break
        sleep 0.1
    done
    local flood sent cpu
    flood="$(taskset -c "$senderCpu" ip netns exec "$nsB" "$probe" flood 10.254.0.1 "$port" \
        "$seconds" "$payload")"
    sent="$(sed -n 's/.*sent=\([0-9]*\).*/\1/p' <<<"$flood")"
    cpu="$(sed -n 's/.*cpu_s=\([0-9.]*\).*/\1/p' <<<"$flood")"
    wait
    local exact="-"
    if grep -q "exact=" "$engineOut"; then
        exact="$(sed -n 's/.*exact=\([a-z]*\).*/\1/p' "$engineOut")"
        grep "interface=" "$engineOut" >>"$work/details"
    fi
    echo "$((sent / seconds)) $(awk -v c="$cpu" -v n="$sent" 'BEGIN { printf "%.1f", 1e9 * c / n }') $exact"
}

read -r -a modes <<<"${NETMON_MODES:-baseline empty ingress ingress+hooks egress}"
declare -A rates
declare -A cpus
declare -A exactness
echo "eBPF engine overhead: $payload-byte UDP payloads ($((payload + 42))-byte frames), one sender on CPU $senderCpu, ${seconds}s per run, $rounds rounds"
for round in $(seq "$rounds"); do
    for mode in "${modes[@]}"; do
        read -r pps cpu exact <<<"$(run "$mode")"
        rates[$mode]="${rates[$mode]:-} $pps"
        cpus[$mode]="${cpus[$mode]:-} $cpu"
        exactness[$mode]="${exactness[$mode]:-}$exact "
        echo "  round $round  $(printf '%-14s' "$mode") $pps packets/s  $cpu ns CPU/packet  exact: $exact"
    done
done

nsOf() { awk -v p="$1" 'BEGIN { printf "%.1f", 1e9 / p }'; }
diff() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%+.0f", a - b; else print "-" }'; }
baseWall="$(nsOf "$(median <<<"${rates[baseline]:-1}")")"
emptyWall="$(nsOf "$(median <<<"${rates[empty]:-1}")")"
baseCpu="$(median <<<"${cpus[baseline]:-0}")"
emptyCpu="$(median <<<"${cpus[empty]:-0}")"
printf "\n%-14s %10s | %8s %9s %10s | %8s %9s %10s\n" "" "" "wall" "overhead" "over empty" \
    "CPU" "overhead" "over empty"
printf "%-14s %10s | %8s %9s %10s | %8s %9s %10s\n" "mode" "packets/s" "ns/pkt" "ns/pkt" \
    "ns/pkt" "ns/pkt" "ns/pkt" "ns/pkt"
for mode in "${modes[@]}"; do
    pps="$(median <<<"${rates[$mode]}")"
    wall="$(nsOf "$pps")"
    cpu="$(median <<<"${cpus[$mode]}")"
    printf "%-14s %10s | %8s %9s %10s | %8s %9s %10s   exact: %s\n" "$mode" "$pps" "$wall" \
        "$(diff "$wall" "$baseWall")" "$(diff "$wall" "$emptyWall")" "$cpu" \
        "$(diff "$cpu" "$baseCpu")" "$(diff "$cpu" "$emptyCpu")" "${exactness[$mode]}"
done
echo
echo "engine totals vs veth counters (packets/bytes), every engine run:"
sed 's/^/  /' "$work/details"
