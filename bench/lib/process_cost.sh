# SPDX-License-Identifier: GPL-3.0-or-later
# Sourced by bench/service_cost.sh: what a running process has cost so far, from the kernel's
# own accounting under /proc (the process may be in another network namespace; /proc is shared).

# cpu_ns PID: CPU time (user + system) of all the process's threads in nanoseconds, from
# /proc/PID/task/*/schedstat (exact, where /proc/PID/stat counts clock ticks of 10 ms). A
# thread that ended is no longer in the sum: process_threads tells the caller to check.
cpu_ns() {
    cat "/proc/$1"/task/*/schedstat 2>/dev/null | awk '{ sum += $1 } END { printf "%.0f\n", sum }'
}

# process_threads PID: the process's thread ids, one line.
process_threads() { ls "/proc/$1/task" 2>/dev/null | sort -n | tr '\n' ' '; }

# user_ticks PID: user-space CPU time in clock ticks (/proc/PID/stat field 14, counted after
# the ")" that ends the command name, which may itself hold spaces or parentheses).
user_ticks() { sed 's/.*) //' "/proc/$1/stat" | awk '{ print $12 }'; }

# memory_kib PID: "<peak RSS> <RSS now>" in KiB (VmHWM, VmRSS).
memory_kib() {
    awk '/^VmHWM:/ { hwm = $2 } /^VmRSS:/ { rss = $2 } END { print hwm, rss }' "/proc/$1/status"
}

# now_ns: the wall clock in nanoseconds.
now_ns() { date +%s%N; }
