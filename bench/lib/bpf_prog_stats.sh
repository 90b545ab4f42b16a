# SPDX-License-Identifier: GPL-3.0-or-later
# Sourced by bench/service_cost.sh: which BPF programs are whose, and what they cost per run
# (run_time_ns and run_cnt count only while kernel.bpf_stats_enabled is 1).

# prog_ids_of PID: the ids of the tc programs PID holds: sched_cls program fds, and the
# programs of its TCX links (the kernel's own word: /proc/PID/fdinfo).
prog_ids_of() {
    local fdinfo
    for fdinfo in "/proc/$1"/fdinfo/*; do
        awk '/^prog_type:/ { type = $2 } /^link_type:/ { link = $2 } /^prog_id:/ { id = $2 }
             END { if (id != "" && (type == 3 || link == "tcx")) print id }' "$fdinfo" 2>/dev/null
    done | sort -un
}

# prog_ids_in_filters NAMESPACE INTERFACE: the ids of the programs in the interface's clsact
# filters, ingress and egress; none (and no failure) when it has no clsact qdisc, as under TCX.
prog_ids_in_filters() {
    local direction
    for direction in ingress egress; do
        ip netns exec "$1" tc filter show dev "$2" "$direction" 2>/dev/null || true
    done | { grep -o ' id [0-9]*' || true; } | awk '{ print $2 }'
}

# link_types_of PID: the types of the BPF links PID holds, counted (" 2 tcx 3 tracing": TCX
# attaches by links, clsact by filters; the socket owner hooks are links too).
link_types_of() {
    cat "/proc/$1"/fdinfo/* 2>/dev/null | awk '/^link_type:/ { print $2 }' | sort | uniq -c |
        awk '{ printf " %s %s", $1, $2 }'
}

# run_totals ID…: "<run_time_ns> <run_cnt>" summed over the programs.
run_totals() {
    local id
    for id in "$@"; do
        bpftool prog show id "$id" | sed -n 1p # reads all: head would end bpftool early (pipefail)
    done | awk '
        { for (i = 1; i < NF; i++) { if ($i == "run_time_ns") t += $(i + 1); if ($i == "run_cnt") c += $(i + 1) } }
        END { printf "%.0f %.0f\n", t, c }'
}
