#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# check_hardening.sh BINARY…: each ELF executable must be position-independent (type DYN with an
# interpreter), have read-only relocations resolved at start (GNU_RELRO + BIND_NOW), stack
# canaries (__stack_chk_fail imported) and checked libc calls (some __*_chk imported). Reads
# the files themselves (readelf), not the build flags, so a flag lost anywhere fails here.
set -euo pipefail
status=0
for binary in "$@"; do
    headers="$(readelf --file-header --program-headers --dynamic --wide "$binary")"
    symbols="$(readelf --dyn-syms --wide "$binary")"
    missing=()
    grep -Eq 'Type:[[:space:]]+DYN' <<<"$headers" && grep -q 'INTERP' <<<"$headers" ||
        missing+=("PIE")
    grep -q 'GNU_RELRO' <<<"$headers" || missing+=("RELRO")
    grep -Eq '\(FLAGS\).*BIND_NOW|\(FLAGS_1\).*NOW' <<<"$headers" || missing+=("BIND_NOW")
    grep -q '__stack_chk_fail' <<<"$symbols" || missing+=("stack protector")
    grep -Eq '__[a-z0-9_]+_chk(@|[[:space:]]|$)' <<<"$(grep -v __stack_chk_fail <<<"$symbols")" ||
        missing+=("_FORTIFY_SOURCE")
    if [ ${#missing[@]} -eq 0 ]; then
        echo "hardened: $binary"
    else
        echo "NOT hardened: $binary lacks: ${missing[*]}" >&2
        status=1
    fi
done
exit "$status"
