#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# What netmond costs next to its peers, as ratios measured side by side in one run, in two
# network namespaces joined by a veth pair that this script makes (and removes on every exit):
#   1. Idle to light: netmond as it runs (settings file: sampling every 1000 ms, capture mode
#      auto, so deep mode here) against vnstatd at its fastest (Debian 12's vnStat 2.10 allows
#      no less than 2 s: PollInterval 2..60, UpdateInterval PollInterval..300), each alone in
#      namespace a with 100 pings a second from b: CPU % of one core (all threads, from
#      /proc/PID/task/*/schedstat) and RSS over SECONDS after start-up. Start-up (exec to the
#      first tick; loading the programs, parsing BTF, opening the history) is reported apart.
#   2. Deep mode at the highest packet rate: one sender pinned to the last CPU floods 64-byte
#      UDP datagrams from b to a (as bench/ebpf_overhead.sh) with nothing watching (baseline),
#      with netmond, or with `tcpdump -w /dev/null` on a's veth; the watchers on CPU 0. Per
#      mode: packets/s, the watcher's user-space CPU, and the sender's CPU time per packet
#      (veth delivers on the sending CPU, so that holds the tc programs and packet copies).
#   3. The tc program per packet under kernel.bpf_stats_enabled (restored on exit): netmond's
#      against a minimal per-flow counter (bench/ebpf/min_flow_counter.bpf.c, attached with
#      `tc`) and an empty program, during the same flood; and how netmond attached them (TCX
#      links or clsact filters, from the kernel: /proc/PID/fdinfo, `tc filter show`).
# Modes alternate over ROUNDS rounds; the table holds medians. vnstat and tcpdump are installed
# from Debian when missing. The system's own vnstat database and service are never touched:
# vnstatd runs in the foreground with its own config and database in a temporary folder.
# Needs root; run after building (./scripts/test.sh): bench/service_cost.sh [SECONDS] [ROUNDS]
# (NETMON_BUILD_DIR for another build folder)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${NETMON_BUILD_DIR:-$root/build}"
seconds="${1:-15}"
rounds="${2:-3}"
netmond="$build/src/service/netmond"
netmon="$build/src/cli/netmon"
probe="$build/bench/bench_ebpf_rate"
minCounter="$build/bench/min_flow_counter.bpf.o"

if [ "$(id -u)" -ne 0 ]; then
    echo "service_cost: needs root (network namespaces, eBPF, apt-get)" >&2
    exit 1
fi
for file in "$netmond" "$netmon" "$probe" "$minCounter"; do
    if [ ! -e "$file" ]; then
        echo "service_cost: $file is missing: build first (./scripts/test.sh)" >&2
        exit 1
    fi
done
if [ "$(nproc)" -lt 2 ]; then
    echo "service_cost: needs 2 CPUs (the sender on one, the watchers on another)" >&2
    exit 1
fi

# The peers, from Debian, only when missing (bpftool reads the programs' run times).
need=()
command -v vnstatd >/dev/null || need+=(vnstat)
command -v tcpdump >/dev/null || need+=(tcpdump)
command -v bpftool >/dev/null || need+=(bpftool)
command -v ping >/dev/null || need+=(iputils-ping)
if [ "${#need[@]}" -gt 0 ]; then
    echo "installing from Debian: ${need[*]} (the package may start the system's vnstat" \
        "service; this script leaves it alone)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y --no-install-recommends "${need[@]}" >/dev/null ||
        { apt-get update -q >/dev/null && apt-get install -y --no-install-recommends "${need[@]}" >/dev/null; }
fi

. "$root/bench/lib/veth_pair.sh"
. "$root/bench/lib/stats.sh"
. "$root/bench/lib/process_cost.sh"
. "$root/bench/lib/bpf_prog_stats.sh"
. "$root/bench/lib/service_processes.sh"

id="$$"
nsA="nsc-a-$id"
nsB="nsc-b-$id"
ifA=nsca0
addressA=10.252.0.1
senderCpu=$(($(nproc) - 1))
watcherCpu=0
work="$(mktemp -d)"
started=()     # the PIDs this script started and has not waited for yet
oldBpfStats="" # kernel.bpf_stats_enabled before phase 3
cleanup() {
    local pid
    for pid in "${started[@]}"; do
        kill -TERM "$pid" 2>/dev/null || true
    done
    for pid in "${started[@]}"; do
        wait "$pid" 2>/dev/null || true
    done
    if [ -n "$oldBpfStats" ]; then
        sysctl -qw kernel.bpf_stats_enabled="$oldBpfStats" || true
    fi
    ip netns del "$nsA" 2>/dev/null || true
    ip netns del "$nsB" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

make_veth_pair "$nsA" "$nsB" "$ifA" nscb0 02:00:00:00:0c:01 02:00:00:00:0c:02 "$addressA" 10.252.0.2
printf '{"version": 1, "sampling_interval_ms": 1000, "capture_mode": "auto"}\n' >"$work/netmond.json"
mkdir "$work/vnstat"
printf 'DatabaseDir "%s"\nPollInterval 2\nUpdateInterval 2\nUseLogging 0\n' "$work/vnstat" \
    >"$work/vnstat.conf"

# ---- 1. Idle to light traffic at 1 Hz -------------------------------------------------------
# idle_run netmond|vnstatd: sets result to "<CPU %> <peak RSS KiB> <RSS KiB> <start-up…>".
idle_run() {
    "start_$1"
    sleep 1 # the start-up's tail: the first history write, the first client's thread ending
    local threads before after memory
    threads="$(process_threads "$servicePid")"
    before="$(cpu_ns "$servicePid")"
    sleep "$seconds"
    after="$(cpu_ns "$servicePid")"
    memory="$(memory_kib "$servicePid")"
    if [ "$(process_threads "$servicePid")" != "$threads" ]; then
        echo "  note: $1's threads changed during the window; an ended thread's time is missed" >&2
    fi
    stop "$servicePid"
    result="$(awk -v a="$after" -v b="$before" -v s="$seconds" 'BEGIN { printf "%.3f", 100 * (a - b) / 1e9 / s }') $memory $startup"
}

echo "netmond against its peers, side by side: kernel $(uname -r), $(nproc) CPUs, ${seconds}s windows, $rounds rounds"
echo
echo "1. idle to light: 100 pings/s through namespace a; netmond every 1000 ms (capture auto), vnstatd every 2 s (its least)"
taskset -c "$senderCpu" ip netns exec "$nsB" ping -q -i 0.01 "$addressA" >/dev/null 2>&1 &
pingPid=$!
started+=("$pingPid")
declare -A idleCpu idlePeak idleRss idleListen idleFirst idleStartCpu
for round in $(seq "$rounds"); do
    for who in netmond vnstatd; do
        idle_run "$who"
        read -r cpu peak rss listen first startCpu <<<"$result"
        idleCpu[$who]+=" $cpu"
        idlePeak[$who]+=" $peak"
        idleRss[$who]+=" $rss"
        idleListen[$who]+=" $listen"
        idleFirst[$who]+=" $first"
        idleStartCpu[$who]+=" $startCpu"
        printf "  round %d  %-8s CPU %6.3f %% of a core  peak RSS %6.1f MiB  RSS %6.1f MiB  start-up %5s ms, CPU %s ms\n" \
            "$round" "$who" "$cpu" "$(awk -v k="$peak" 'BEGIN { print k / 1024 }')" \
            "$(awk -v k="$rss" 'BEGIN { print k / 1024 }')" "$first" "$startCpu"
    done
done
grep -o 'monitoring in [a-z]* mode every [0-9]* ms' "$work/netmond.log" | sed 's/^/  netmond: /' || true
stop "$pingPid"

# ---- 2. Deep mode at the highest packet rate ------------------------------------------------
ticks="$(getconf CLK_TCK)"
# deep_run baseline|netmond|tcpdump: sets result to "<packets/s> <sender ns/packet> <watcher user %>
# <watcher CPU %> <kernel drops>".
deep_run() {
    local mode="$1" port=$((20000 + RANDOM % 10000)) pid="" sink
    rm -f "$work/sink" "$work/tcpdump.log"
    case "$mode" in
        netmond)
            start_netmond
            pid="$servicePid"
            ;;
        tcpdump)
            taskset -c "$watcherCpu" ip netns exec "$nsA" tcpdump -i "$ifA" -n -w /dev/null \
                2>"$work/tcpdump.log" &
            pid=$!
            started+=("$pid")
            wait_for "$work/tcpdump.log" "listening on" "$pid"
            ;;
    esac
    taskset -c "$watcherCpu" ip netns exec "$nsA" "$probe" listen $((seconds + 2)) "$port" >"$work/sink" &
    sink=$!
    started+=("$sink")
    wait_for "$work/sink" ready "$sink"
    local u0=0 u1=0 c0=0 c1=0 flood
    if [ -n "$pid" ]; then
        u0="$(user_ticks "$pid")"
        c0="$(cpu_ns "$pid")"
    fi
    flood="$(taskset -c "$senderCpu" ip netns exec "$nsB" "$probe" flood "$addressA" "$port" "$seconds" 64)"
    if [ -n "$pid" ]; then
        u1="$(user_ticks "$pid")"
        c1="$(cpu_ns "$pid")"
        stop "$pid" INT # tcpdump prints its drop count on SIGINT
    fi
    stop "$sink"
    ip netns exec "$nsA" tc qdisc del dev "$ifA" clsact 2>/dev/null || true
    local drops="-"
    if [ "$mode" = tcpdump ]; then
        drops="$(sed -n 's/^\([0-9]*\) packets\{0,1\} dropped by kernel.*/\1/p' "$work/tcpdump.log")"
    fi
    result="$(awk -v f="$flood" -v s="$seconds" -v u="$((u1 - u0))" -v hz="$ticks" -v c="$((c1 - c0))" -v d="${drops:--}" 'BEGIN {
        match(f, /sent=[0-9]+/); sent = substr(f, RSTART + 5, RLENGTH - 5)
        match(f, /cpu_s=[0-9.]+/); cpu = substr(f, RSTART + 6, RLENGTH - 6)
        printf "%d %.1f %.3f %.3f %s", sent / s, 1e9 * cpu / sent, 100 * u / hz / s, 100 * c / 1e9 / s, d
    }')"
}

echo
echo "2. deep mode at the highest packet rate: 64-byte UDP from b (CPU $senderCpu) to a; watchers on CPU $watcherCpu"
declare -A deepRate deepSender deepUser deepCpu
for round in $(seq "$rounds"); do
    for mode in baseline netmond tcpdump; do
        deep_run "$mode"
        read -r pps sender user cpu drops <<<"$result"
        deepRate[$mode]+=" $pps"
        deepSender[$mode]+=" $sender"
        deepUser[$mode]+=" $user"
        deepCpu[$mode]+=" $cpu"
        printf "  round %d  %-8s %8d packets/s  sender %6.1f ns/packet  watcher user %6.3f %%, all %6.3f %% of a core  kernel drops %s\n" \
            "$round" "$mode" "$pps" "$sender" "$user" "$cpu" "$drops"
    done
done

# ---- 3. The tc program per packet under bpf_stats -------------------------------------------
# tc_run empty|min|netmond: sets result to "<ns per run> <runs>".
tc_run() {
    local mode="$1" port=$((20000 + RANDOM % 10000)) sink ids
    rm -f "$work/sink"
    case "$mode" in
        netmond) start_netmond ;;
        min)
            ip netns exec "$nsA" tc qdisc add dev "$ifA" clsact 2>/dev/null || true
            for direction in ingress egress; do
                ip netns exec "$nsA" tc filter add dev "$ifA" "$direction" prio 1 handle 1 bpf \
                    direct-action obj "$minCounter" sec tc
            done
            ;;
    esac
    local emptyFlag=()
    [ "$mode" = empty ] && emptyFlag=(--empty "$ifA")
    taskset -c "$watcherCpu" ip netns exec "$nsA" "$probe" listen $((seconds + 2)) "$port" \
        "${emptyFlag[@]}" >"$work/sink" &
    sink=$!
    started+=("$sink")
    wait_for "$work/sink" ready "$sink"
    case "$mode" in
        netmond)
            ids="$(prog_ids_of "$servicePid")"
            local filters links
            filters="$(prog_ids_in_filters "$nsA" "$ifA" | wc -l)"
            links="$(link_types_of "$servicePid")"
            case "$links" in
                *tcx*) echo -n "TCX" ;;
                *) [ "$filters" -gt 0 ] && echo -n "clsact" || echo -n "neither?" ;;
            esac >"$work/attachment"
            echo " (TCX needs 6.6+; kernel $(uname -r)); clsact filters on $ifA: $filters;" \
                "BPF links held by netmond:${links:- none}" >>"$work/attachment"
            ;;
        empty) ids="$(prog_ids_of "$sink")" ;;
        min) ids="$(prog_ids_in_filters "$nsA" "$ifA")" ;;
    esac
    [ -n "$ids" ] || { echo "service_cost: no programs found for $mode" >&2; exit 1; }
    local before after
    read -r -a idList <<<"$(echo $ids)"
    before="$(run_totals "${idList[@]}")"
    taskset -c "$senderCpu" ip netns exec "$nsB" "$probe" flood "$addressA" "$port" "$seconds" 64 >/dev/null
    after="$(run_totals "${idList[@]}")"
    [ "$mode" = netmond ] && stop "$servicePid"
    stop "$sink"
    ip netns exec "$nsA" tc qdisc del dev "$ifA" clsact 2>/dev/null || true
    result="$(awk -v b="$before" -v a="$after" 'BEGIN {
        split(b, x, " "); split(a, y, " "); runs = y[2] - x[2]
        printf "%.1f %d", (runs > 0 ? (y[1] - x[1]) / runs : 0), runs
    }')"
}

echo
echo "3. the tc program per packet under kernel.bpf_stats_enabled (the same flood)"
oldBpfStats="$(sysctl -n kernel.bpf_stats_enabled)"
sysctl -qw kernel.bpf_stats_enabled=1
declare -A progNs
for round in $(seq "$rounds"); do
    for mode in empty min netmond; do
        tc_run "$mode"
        read -r perRun runs <<<"$result"
        progNs[$mode]+=" $perRun"
        printf "  round %d  %-8s %6.1f ns a run over %d runs\n" "$round" "$mode" "$perRun" "$runs"
    done
done
sysctl -qw kernel.bpf_stats_enabled="$oldBpfStats"
oldBpfStats=""
echo "  netmond attached by $(cat "$work/attachment")"

. "$root/bench/lib/service_cost_table.sh"
