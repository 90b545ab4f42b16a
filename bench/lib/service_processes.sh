# SPDX-License-Identifier: GPL-3.0-or-later
# Sourced by bench/service_cost.sh: starting and ending the processes it measures. Uses its
# globals: work (the temporary folder), nsA, watcherCpu, netmond, netmon, and started (the PIDs
# it started and has not waited for; its exit trap ends them).

# stop PID [SIGNAL]: ends a process this script started, and waits for it.
stop() {
    local pid="$1" keep=() other
    kill -"${2:-TERM}" "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    for other in "${started[@]}"; do
        [ "$other" = "$pid" ] || keep+=("$other")
    done
    started=("${keep[@]}")
}

# wait_for FILE PATTERN PID: until FILE holds PATTERN (10 s at most); fails if PID ended.
wait_for() {
    for _ in $(seq 1000); do
        grep -qs -- "$2" "$1" && return 0
        kill -0 "$3" 2>/dev/null || { echo "service_cost: process $3 ended:" >&2; tr -cd '[:print:]\n' <"$1" >&2; return 1; }
        sleep 0.01
    done
    echo "service_cost: no '$2' in $1 after 10 s" >&2
    return 1
}

# start_netmond: netmond in namespace a on the watchers' CPU, with its own socket, database and
# settings; returns once it answered with its first tick. Sets servicePid, and startup as
# "<ms to its socket> <ms to the first tick> <CPU ms until then>".
start_netmond() {
    rm -rf "$work/netmond.sock" "$work"/history.db*
    local began
    began="$(now_ns)"
    taskset -c "$watcherCpu" ip netns exec "$nsA" "$netmond" --foreground --socket \
        "$work/netmond.sock" --db "$work/history.db" --config "$work/netmond.json" \
        2>"$work/netmond.log" &
    servicePid=$!
    started+=("$servicePid")
    for _ in $(seq 1000); do
        [ -S "$work/netmond.sock" ] && break
        kill -0 "$servicePid" 2>/dev/null || break
        sleep 0.005
    done
    local listening
    listening="$(now_ns)"
    # A snapshot asked for before the first tick waits for it (docs/service-protocol.md).
    if ! "$netmon" --socket "$work/netmond.sock" watch --json --count 1 >"$work/first-tick" 2>&1 ||
        ! grep -q '"source": *"service"' "$work/first-tick"; then
        echo "service_cost: netmond did not answer:" >&2
        cat "$work/netmond.log" "$work/first-tick" | tr -cd '[:print:]\n' >&2
        exit 1
    fi
    startup="$(awk -v b="$began" -v l="$listening" -v t="$(now_ns)" -v c="$(cpu_ns "$servicePid")" \
        'BEGIN { printf "%.0f %.0f %.0f", (l - b) / 1e6, (t - b) / 1e6, c / 1e6 }')"
}

# start_vnstatd: vnstatd in namespace a on the watchers' CPU, in the foreground with its own
# config and a fresh database; returns once it monitors. Sets servicePid and startup as
# "- <ms to monitoring> <CPU ms until then>".
start_vnstatd() {
    rm -rf "$work/vnstat"/*
    local began
    began="$(now_ns)"
    taskset -c "$watcherCpu" ip netns exec "$nsA" vnstatd --nodaemon --config "$work/vnstat.conf" \
        >"$work/vnstatd.log" 2>&1 &
    servicePid=$!
    started+=("$servicePid")
    wait_for "$work/vnstatd.log" "Monitoring" "$servicePid"
    startup="$(awk -v b="$began" -v t="$(now_ns)" -v c="$(cpu_ns "$servicePid")" \
        'BEGIN { printf "- %.0f %.0f", (t - b) / 1e6, c / 1e6 }')"
}
