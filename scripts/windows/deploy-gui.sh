#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Lays out netmon-gui.exe for Windows with exactly what it needs, as windeployqt would (which
# does not exist here): the Qt plugins the app uses, and every DLL that the exe and those
# plugins import — followed recursively through `objdump -p` — found in the cross-built Qt or
# the MinGW-w64 runtime. Windows' own DLLs are left out. Everything is stripped of debug
# information. Prints each file it copies.
#   scripts/windows/deploy-gui.sh <netmon-gui.exe> <qt prefix> <folder>
# Layout: the exe and the DLLs in <folder>, plugins in <folder>/<kind>/ (Qt looks for plugins
# in the exe's folder).
set -euo pipefail
exe="${1:?usage: deploy-gui.sh EXE QT_PREFIX FOLDER}"
qt="${2:?usage: deploy-gui.sh EXE QT_PREFIX FOLDER}"
out="${3:?usage: deploy-gui.sh EXE QT_PREFIX FOLDER}"
objdump=x86_64-w64-mingw32-objdump

# The plugins the app loads: the Windows platform. (The app draws with the Fusion style, built
# into Qt6Widgets, so no style plugin; the offscreen platform is for tests; its PNG icons need no
# image-format plugin.)
plugins=(platforms/qwindows.dll)

# Where imported DLLs may come from: the cross-built Qt, then the MinGW-w64 runtime (the posix
# flavour's libstdc++/libgcc, and winpthread).
search=("$qt/bin")
while IFS= read -r dir; do search+=("$dir"); done < <(
    dirname "$(x86_64-w64-mingw32-g++-posix -print-file-name=libstdc++-6.dll)"
    dirname "$(x86_64-w64-mingw32-gcc-posix -print-file-name=libwinpthread-1.dll)"
    echo /usr/x86_64-w64-mingw32/lib)

rm -rf "$out"
mkdir -p "$out"
declare -A copied=()
queue=()

find_dll() {  # PE imports name DLLs case-insensitively
    local want="${1,,}" dir candidate base
    for dir in "${search[@]}"; do
        for candidate in "$dir"/*; do
            base="${candidate##*/}"
            if [ -f "$candidate" ] && [ "${base,,}" = "$want" ]; then
                echo "$candidate"
                return 0
            fi
        done
    done
    return 1
}

copy() {  # copy <source> <relative destination>, without its debug information
    mkdir -p "$(dirname "$out/$2")"
    x86_64-w64-mingw32-strip --strip-unneeded -o "$out/$2" "$1"
    echo "deploy-gui: $2"
    queue+=("$out/$2")
}

copy "$exe" "$(basename "$exe")"
for plugin in "${plugins[@]}"; do
    [ -f "$qt/plugins/$plugin" ] || { echo "deploy-gui: $qt/plugins/$plugin is missing" >&2; exit 1; }
    copy "$qt/plugins/$plugin" "$plugin"
done
while [ ${#queue[@]} -gt 0 ]; do
    file="${queue[0]}"
    queue=("${queue[@]:1}")
    while IFS= read -r dll; do
        key="${dll,,}"
        [ -n "${copied[$key]:-}" ] && continue
        copied[$key]=1
        if source="$(find_dll "$dll")"; then
            copy "$source" "$dll"
        fi  # else: a Windows DLL (kernel32, user32, …), present on every machine
    done < <("$objdump" -p "$file" | sed -nE 's/^\s*DLL Name: (.*)$/\1/p')
done
