# SPDX-License-Identifier: GPL-3.0-or-later
# Sourced by the bench scripts that take medians over rounds.
# median: the median of the numbers on stdin (space- or newline-separated; blanks ignored).
median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
