#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs the NSIS installer silently under Wine, runs the installed netmon.exe --version,
# checks the Start-menu entry and the Add/Remove Programs entry, the service netmond (registered
# to start at boot with the installed program, running, answering netmon.exe through its pipe);
# with the desktop app in the
# installer, also its files, shortcuts, the start at sign-in (/SIGNIN) and that the installed
# netmon-gui.exe shows its window and quits cleanly (on $NETMON_TEST_DISPLAY), and that start at
# sign-in is refused for a folder outside Program Files; uninstalls silently and checks that
# everything is gone. Called by scripts/build-windows.sh with
# WINEPREFIX and a running wineserver set up; prints "N passed, N failed".
set -uo pipefail
build="${1:?usage: test-installer.sh BUILD_DIR}"
wine64="${WINELOADER:-/usr/lib/wine/wine64}"
installer="$(ls "$build"/packaging/windows/NetworkMonitor-*-setup.exe | head -n 1)"
version="$(basename "$installer" | sed -E 's/NetworkMonitor-(.*)-setup\.exe/\1/')"
target='C:\Program Files\Network Monitor'
unix_target="$WINEPREFIX/drive_c/Program Files/Network Monitor"
start_menu="$WINEPREFIX/drive_c/ProgramData/Microsoft/Windows/Start Menu/Programs/Network Monitor"
key='HKLM\Software\Microsoft\Windows\CurrentVersion\Uninstall\NetworkMonitor'
run_key='HKLM\Software\Microsoft\Windows\CurrentVersion\Run'
desktop="$WINEPREFIX/drive_c/users/Public/Desktop"
gui=""
[ -d "$build/packaging/windows/gui" ] && gui=1
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

# The service manager keeps its services under this key: the independent record of what the
# installer registered.
service_key='HKLM\System\CurrentControlSet\Services\netmond'
service_registered() {
    local entry
    entry="$("$wine64" reg query "$service_key" 2>/dev/null | tr -d '\r')"
    echo "$entry" | grep -qF "\"$target\\netmond.exe\"" &&
        echo "$entry" | grep -qiE 'Start[[:space:]]+REG_DWORD[[:space:]]+0x2$'
}
service_gone() { ! "$wine64" reg query "$service_key" >/dev/null 2>&1; }
service_running() { "$wine64" sc query netmond 2>/dev/null | tr -d '\r' | grep -q RUNNING; }
watch_source_is_service() {  # netmon.exe's default endpoint is the service's pipe
    local out
    out="$("$wine64" "$target\\netmon.exe" watch --json --count 1 2>&1 | tr -d '\r' | head -n 1)"
    echo "    installed netmon.exe watch --json --count 1: ${out:0:120}…"
    echo "$out" | grep -q '"source": *"service"'
}

run_key_says() { "$wine64" reg query "$run_key" /v NetworkMonitor 2>/dev/null | grep -q -- "$1"; }
run_key_gone() { ! "$wine64" reg query "$run_key" /v NetworkMonitor >/dev/null 2>&1; }
same_files() {  # every file laid out for the app is installed, byte for byte
    (cd "$build/packaging/windows/gui" && find . -type f) | while read -r file; do
        cmp -s "$build/packaging/windows/gui/$file" "$unix_target/$file" || return 1
    done
}
no_gui_files_left() { [ -z "$(find "$unix_target" -type f 2>/dev/null)" ]; }

"$wine64" reg delete "$key" /f >/dev/null 2>&1
"$wine64" reg delete "$run_key" /v NetworkMonitor /f >/dev/null 2>&1

# Start at sign-in from a folder ordinary users may write is refused before anything is
# written; a custom folder without it installs.
public='C:\users\Public'
unix_public="$WINEPREFIX/drive_c/users/Public"
refused_install() {  # exit code 2, no folder, no start at sign-in, no Add/Remove entry
    local folder="$1" unix_folder="$2"
    rm -rf "$unix_folder"
    "$wine64" "$installer" /S /SIGNIN "/D=$folder"
    local status=$?
    echo "    /SIGNIN /D=$folder: exit code $status"
    [ "$status" -eq 2 ] && [ ! -e "$unix_folder" ] && run_key_gone && registry_gone
}
custom_install_without_signin() {
    rm -rf "$unix_public/nm-custom"
    "$wine64" "$installer" /S "/D=$public\nm-custom"
    local status=$? ok=0
    echo "    /D=$public\nm-custom: exit code $status"
    [ "$status" -eq 0 ] && [ -f "$unix_public/nm-custom/netmon.exe" ] && run_key_gone || ok=1
    "$wine64" "$unix_public/nm-custom/Uninstall.exe" /S
    for _ in $(seq 1 50); do
        [ -e "$unix_public/nm-custom" ] || break
        sleep 0.2
    done
    return "$ok"
}
if [ -n "$gui" ]; then
    check "start at sign-in from a folder outside Program Files is refused" \
        refused_install "$public\nm-custom" "$unix_public/nm-custom"
    check "... and from Program Files spelt as a short name (not provably it)" \
        refused_install 'C:\PROGRA~1\nm-custom' "$WINEPREFIX/drive_c/Program Files/nm-custom"
    check "a custom folder without start at sign-in installs" custom_install_without_signin
fi

if [ -n "$gui" ]; then
    "$wine64" "$installer" /S /SIGNIN
else
    "$wine64" "$installer" /S
fi
check "silent install exits 0" test $? -eq 0
check "netmon.exe is in Program Files" test -f "$unix_target/netmon.exe"
check "installed netmon.exe --version says $version" runs_version
check "Start-menu entry" test -f "$start_menu/Network Monitor.lnk"
check "Add/Remove Programs entry" registry_has DisplayName "Network Monitor"
check "Add/Remove Programs version" registry_has DisplayVersion "$version"
check "Add/Remove Programs uninstaller" registry_has QuietUninstallString "Uninstall.exe"
check "netmond.exe is in Program Files" test -f "$unix_target/netmond.exe"
check "the service netmond is registered, starting at boot, with the installed program" \
    service_registered
check "the service netmond runs" service_running
check "installed netmon.exe reads its tick from the service" watch_source_is_service
if [ -n "$gui" ]; then
    check "the desktop app and exactly its DLLs and plugins are installed" same_files
    check "Start-menu entry of the console live view" \
        test -f "$start_menu/Network Monitor (console live view).lnk"
    check "desktop shortcut" test -f "$desktop/Network Monitor.lnk"
    check "start at sign-in (/SIGNIN) runs netmon-gui.exe --tray" run_key_says "netmon-gui.exe\" --tray"
    check "Add/Remove Programs icon is the app's" registry_has DisplayIcon "netmon-gui.exe"
    if [ -n "${NETMON_TEST_DISPLAY:-}" ]; then
        check "installed netmon-gui.exe shows its window and quits cleanly" \
            "$(dirname "$0")/screenshot-gui.sh" "$unix_target/netmon-gui.exe" \
            "$build/screenshots-installed"
    fi
fi

"$wine64" "$unix_target/Uninstall.exe" /S
check "silent uninstall exits 0" test $? -eq 0
# The uninstaller copies itself to %TEMP% and runs from there: wait for it to finish, which is
# when its last step, removing the Add/Remove Programs entry, is done (the install folder goes
# first, the Start-menu folder after it).
for _ in $(seq 1 50); do
    [ ! -e "$unix_target" ] && registry_gone && break
    sleep 0.2
done
check "netmon.exe removed" test ! -e "$unix_target/netmon.exe"
check "the service netmond is stopped and unregistered" service_gone
check "netmond.exe removed" test ! -e "$unix_target/netmond.exe"
check "install folder removed" test ! -e "$unix_target"
check "Start-menu entry removed" test ! -e "$start_menu"
check "Add/Remove Programs entry removed" registry_gone
if [ -n "$gui" ]; then
    check "no file of the app left" no_gui_files_left
    check "desktop shortcut removed" test ! -e "$desktop/Network Monitor.lnk"
    check "start at sign-in removed" run_key_gone
fi
echo "installer: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
