#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Starts netmon-gui.exe under Wine with the real `windows` platform on the virtual X display
# $NETMON_TEST_DISPLAY, checks that its main window appears there, lets it save a screenshot of
# every screen and quit by itself (--quit-after), and checks that it exited cleanly with all the
# PNGs written. Called by scripts/build-windows.sh (WINEPREFIX and a wineserver set up).
#   packaging/windows/screenshot-gui.sh <netmon-gui.exe> <folder for the PNGs>
set -uo pipefail
exe="${1:?usage: screenshot-gui.sh EXE FOLDER}"
out="${2:?usage: screenshot-gui.sh EXE FOLDER}"
wine64="${WINELOADER:-/usr/lib/wine/wine64}"
display="${NETMON_TEST_DISPLAY:?set NETMON_TEST_DISPLAY to a running X display}"
rm -rf "$out"
mkdir -p "$out"
# Its own settings and history, not the prefix's shared ones.
config="$out/config.json"
echo '{"database_path": "Z:'"$out"'/history.db"}' > "$config"

DISPLAY="$display" "$wine64" "$exe" --config "Z:$config" --quit-after 9000 \
    --screenshot-dir "Z:$out" > "$out/run.log" 2>&1 &
app=$!
window=""
for _ in $(seq 1 40); do
    window="$(DISPLAY="$display" xwininfo -root -tree 2>/dev/null |
              grep -E '"Network Monitor": \("netmon-gui.exe"' | head -n 1)"
    [ -n "$window" ] && break
    sleep 0.2
done
wait "$app"
status=$?
failed=0
if [ -n "$window" ]; then
    echo "screenshot-gui: main window shown:${window}"
else
    echo "screenshot-gui: the main window never appeared on $display" >&2
    failed=1
fi
if [ "$status" -ne 0 ]; then
    echo "screenshot-gui: netmon-gui.exe exited with $status" >&2
    failed=1
fi
for screen in dashboard interfaces connections history settings; do
    if [ ! -s "$out/$screen.png" ]; then
        echo "screenshot-gui: $out/$screen.png is missing" >&2
        failed=1
    fi
done
if grep -qE "wine: Unhandled|unimplemented function|Unhandled exception" "$out/run.log"; then
    echo "screenshot-gui: Wine reported a crash:" >&2
    failed=1
fi
[ "$failed" -eq 0 ] || { cat "$out/run.log" >&2; exit 1; }
echo "screenshot-gui: $(ls "$out"/*.png | wc -l) screenshots in $out"
