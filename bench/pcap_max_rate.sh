#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Finds the libpcap engine's highest packet rate without kernel drops: a veth pair between two
# namespaces this script makes (and removes on every exit path), a sender of 64-byte UDP
# datagrams in one at rising rates, the engine capturing in the other. Prints, per rate, what
# was sent, what the engine counted, what the veth counted, kernel drops and the capture's CPU.
# Needs root; run after building (./scripts/test.sh): bench/pcap_max_rate.sh [SECONDS] [MODE]
# (NETMON_PAYLOAD=1400 for large frames, NETMON_RATES="..." for other rates; 0 = flat out)
# MODE: kernel (default: direction and snaplen in a kernel BPF filter) or user-direction
# (libpcap filters direction in user space; every frame copied whole into both rings).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${NETMON_BUILD_DIR:-$root/build}"
probe="$build/bench/bench_pcap_rate"
seconds="${1:-3}"
mode="${2:-kernel}"
rates=(${NETMON_RATES:-25000 50000 100000 200000 300000 400000 600000 0})
payload="${NETMON_PAYLOAD:-64}"  # UDP payload bytes

if [ "$(id -u)" -ne 0 ]; then
    echo "pcap_max_rate: needs root (network namespaces)" >&2
    exit 1
fi
if [ ! -x "$probe" ]; then
    echo "pcap_max_rate: $probe is missing: build first (./scripts/test.sh)" >&2
    exit 1
fi

id="$$"
nsA="nmr-a-$id"
nsB="nmr-b-$id"
cleanup() {
    ip netns del "$nsA" 2>/dev/null || true
    ip netns del "$nsB" 2>/dev/null || true
}
trap cleanup EXIT INT TERM

. "$root/bench/lib/veth_pair.sh"
make_veth_pair "$nsA" "$nsB" nmra0 nmrb0 02:00:00:00:0d:01 02:00:00:00:0d:02 10.253.0.1 10.253.0.2

counter() { ip netns exec "$nsA" cat "/sys/class/net/nmra0/statistics/$1"; }
extra=""
if [ "$mode" = "user-direction" ]; then
    extra="user-direction"
fi

echo "libpcap engine, $mode direction filter, $payload-byte UDP payloads ($((payload + 42))-byte frames), ${seconds}s per rate"
printf "%10s %10s %10s %10s %8s %8s %10s\n" "rate/s" "sent/s" "counted" "veth_rx" "drops" "cpu%" "ns/packet"
best=0
for rate in "${rates[@]}"; do
    port=$((20000 + RANDOM % 10000))
    out="$(mktemp)"
    rxBefore="$(counter rx_packets)"
    ip netns exec "$nsA" "$probe" capture nmra0 "$seconds" "$port" $extra >"$out" &
    capturePid=$!
    for _ in $(seq 50); do grep -q ready "$out" && break; sleep 0.1; done
    sent="$(ip netns exec "$nsB" "$probe" send 10.253.0.1 "$port" "$rate" "$seconds" "$payload" |
        sed -n 's/sent=//p')"
    wait "$capturePid"
    rxAfter="$(counter rx_packets)"
    line="$(grep packets_in "$out")"
    rm -f "$out"
    counted="$(sed -n 's/.*packets_in=\([0-9]*\).*/\1/p' <<<"$line")"
    drops="$(sed -n 's/.*kernel_drops=\([0-9]*\).*/\1/p' <<<"$line")"
    cpu="$(sed -n 's/.*cpu_s=\([0-9.]*\).*/\1/p' <<<"$line")"
    veth=$((rxAfter - rxBefore))
    perSecond=$((sent / seconds))
    cpuPercent="$(awk -v c="$cpu" -v s="$seconds" 'BEGIN { printf "%.1f", 100 * c / s }')"
    nsPerPacket="$(awk -v c="$cpu" -v n="$counted" 'BEGIN { printf "%.0f", (n > 0 ? 1e9 * c / n : 0) }')"
    label="$rate"
    if [ "$rate" = "0" ]; then label="max"; fi
    printf "%10s %10s %10s %10s %8s %8s %10s\n" "$label" "$perSecond" "$counted" "$veth" "$drops" \
        "$cpuPercent" "$nsPerPacket"
    if [ "$drops" = "0" ] && [ "$counted" = "$veth" ] && [ "$perSecond" -gt "$best" ]; then
        best="$perSecond"
    fi
done
echo "highest rate with no kernel drops and every frame counted: $best packets/s"
