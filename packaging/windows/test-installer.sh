#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs the NSIS installer silently under Wine, runs the installed netmon.exe --version,
# checks the Start-menu entry and the Add/Remove Programs entry, uninstalls silently and checks
# that everything is gone. Called by scripts/build-windows.sh with WINEPREFIX and a running
# wineserver set up; prints "N passed, N failed".
set -uo pipefail
build="${1:?usage: test-installer.sh BUILD_DIR}"
wine64="${WINELOADER:-/usr/lib/wine/wine64}"
installer="$(ls "$build"/packaging/windows/NetworkMonitor-*-setup.exe | head -n 1)"
version="$(basename "$installer" | sed -E 's/NetworkMonitor-(.*)-setup\.exe/\1/')"
target='C:\Program Files\Network Monitor'
unix_target="$WINEPREFIX/drive_c/Program Files/Network Monitor"
start_menu="$WINEPREFIX/drive_c/ProgramData/Microsoft/Windows/Start Menu/Programs/Network Monitor"
key='HKLM\Software\Microsoft\Windows\CurrentVersion\Uninstall\NetworkMonitor'
passed=0
failed=0
check() {
    local what="$1"
    shift
    if "$@"; then
        echo "[  PASSED  ] installer: $what"
        passed=$((passed + 1))
    else
        echo "[  FAILED  ] installer: $what"
        failed=$((failed + 1))
    fi
}
registry_has() { "$wine64" reg query "$key" /v "$1" 2>/dev/null | grep -q "$2"; }
registry_gone() { ! "$wine64" reg query "$key" >/dev/null 2>&1; }
runs_version() {
    local out
    out="$("$wine64" "$target\\netmon.exe" --version 2>&1 | tr -d '\r')"
    echo "    installed netmon.exe --version: $out"
    [ "$out" = "netmon $version" ]
}

"$wine64" reg delete "$key" /f >/dev/null 2>&1
"$wine64" "$installer" /S
check "silent install exits 0" test $? -eq 0
check "netmon.exe is in Program Files" test -f "$unix_target/netmon.exe"
check "installed netmon.exe --version says $version" runs_version
check "Start-menu entry" test -f "$start_menu/Network Monitor.lnk"
check "Add/Remove Programs entry" registry_has DisplayName "Network Monitor"
check "Add/Remove Programs version" registry_has DisplayVersion "$version"
check "Add/Remove Programs uninstaller" registry_has QuietUninstallString "Uninstall.exe"

"$wine64" "$unix_target/Uninstall.exe" /S
check "silent uninstall exits 0" test $? -eq 0
# The uninstaller copies itself to %TEMP% and runs from there: wait for it.
for _ in $(seq 1 50); do
    [ -e "$unix_target" ] || break
    sleep 0.2
done
check "netmon.exe removed" test ! -e "$unix_target/netmon.exe"
check "install folder removed" test ! -e "$unix_target"
check "Start-menu entry removed" test ! -e "$start_menu"
check "Add/Remove Programs entry removed" registry_gone
echo "installer: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
