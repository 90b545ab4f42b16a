#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The layers' include rule (docs/architecture.md): each folder under src/ includes only the
# folders below it, so dependencies point one way. Prints every include that breaks the rule and
# exits 1 when there is one. Usage: check_layers.sh <source root>
set -euo pipefail
src="${1:?usage: check_layers.sh <source root>}/src"

# folder: the include prefixes it may use (its own first).
declare -A allowed=(
    [core]="core"
    [platform]="platform core"
    [capture]="capture platform core"
    [storage]="storage platform core"
    [protocol]="protocol storage platform core"
    [runtime]="runtime capture storage platform core"
    [cli]="cli runtime storage platform core"
    [gui]="gui runtime storage platform core"
)

broken=0
for layer in "${!allowed[@]}"; do
    [ -d "$src/$layer" ] || { echo "missing folder src/$layer"; broken=1; continue; }
    pattern="^($(tr ' ' '|' <<<"${allowed[$layer]}"))/"
    # Quoted includes with a folder only: <…> are system and third-party headers, and a bare
    # name is the folder's own generated or per-OS header (eBPF skeletons, vmlinux.h,
    # os_sockets.h).
    while IFS= read -r hit; do
        file="${hit%%:*}"
        target="$(sed -E 's/.*#include "([^"]*)".*/\1/' <<<"${hit#*:}")"
        if [[ "$target" != */* ]]; then
            continue
        fi
        if ! grep -qE "$pattern" <<<"$target"; then
            echo "${file#"$src"/}: includes \"$target\", outside what src/$layer may use (${allowed[$layer]})"
            broken=1
        fi
    done < <(grep -rHE '^[[:space:]]*#[[:space:]]*include[[:space:]]*"' "$src/$layer" \
                 --include='*.h' --include='*.cpp' --include='*.c' || true)
done
if [ "$broken" -eq 0 ]; then
    echo "every include under src/ follows the layers: ${!allowed[*]}"
fi
exit "$broken"
