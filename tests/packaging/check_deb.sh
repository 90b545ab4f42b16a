#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# check_deb.sh SOURCE_DIR BUILD_DIR: packs the built tree into the .deb (scripts/lib/pack-deb.sh,
# what scripts/build-deb.sh does on its own tree) and checks it as a user's machine would see it:
# its files and modes, dependencies that cover every library the programs load, lintian, the
# desktop entries, the unit's sandbox score; then installs it with dpkg, checks the netmon user
# and group, the enabled unit and the programs, removes it (data and user kept) and purges it
# (all gone). Needs root (dpkg); it refuses to run where a netmon package, user or group exists
# already, so it never removes what it did not make. Whatever happens, the package is purged.
set -euo pipefail
source_dir="$1"
build="$2"

if [ "$(id -u)" -ne 0 ]; then
    echo "SKIP: installing a .deb needs root; run the tests as root"
    exit 77
fi
fail() {
    echo "FAIL: $*" >&2
    exit 1
}
for tool in cpack bpftool strace dpkg-deb dpkg-shlibdeps lintian desktop-file-validate systemd-analyze adduser; do
    command -v "$tool" >/dev/null || fail "$tool is missing (scripts/setup-deps.sh installs it)"
done
if dpkg-query -W -f='${Status}' netmon 2>/dev/null | grep -q installed ||
    getent passwd netmon >/dev/null || getent group netmon >/dev/null ||
    [ -e /var/lib/netmon ] || [ -e /etc/netmon ]; then
    fail "this machine already has a netmon package, user, group, /var/lib/netmon or /etc/netmon;" \
        "this test would remove them on purge: purge the package (dpkg -P netmon) first"
fi

work="$(mktemp -d)"
installed=false
namespace_made=false
service_pid=""
admin_file=/etc/netmon/administrators-notes
# netmond runs under strace, which outlives a signal to itself: the signal goes to netmond.
stop_service() {
    if [ -n "$service_pid" ]; then
        local child
        for child in $(pgrep -P "$service_pid"); do
            kill -TERM "$child" 2>/dev/null || true
        done
        wait "$service_pid" 2>/dev/null || true
        service_pid=""
    fi
}
cleanup() {
    stop_service
    if [ "$namespace_made" = true ]; then
        ip netns delete "$namespace" 2>/dev/null || true
    fi
    if [ "$installed" = true ]; then
        dpkg --purge netmon >/dev/null 2>&1 || true
    fi
    rm -f "$admin_file"
    rmdir /etc/netmon 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

# --- the package itself ---------------------------------------------------------------------
package="$("$source_dir/scripts/lib/pack-deb.sh" "$build" "$work/out" | tail -n 1)"
echo "package: $package"
version="$(dpkg-deb -f "$package" Version)"
[ "$(dpkg-deb -f "$package" Package)" = netmon ] || fail "the package is not called netmon"

# Exactly these files, with these modes, owned by root.
expected="$(
    cat <<'LIST'
-rw-r--r-- root/root ./usr/lib/systemd/system/netmond.service
-rw-r--r-- root/root ./usr/share/applications/netmon-gui.desktop
-rw-r--r-- root/root ./usr/share/doc/netmon/README.md
-rw-r--r-- root/root ./usr/share/doc/netmon/changelog.gz
-rw-r--r-- root/root ./usr/share/doc/netmon/copyright
-rw-r--r-- root/root ./usr/share/icons/hicolor/scalable/apps/netmon.svg
-rw-r--r-- root/root ./usr/share/netmon/autostart/netmon-gui.desktop
-rwxr-xr-x root/root ./usr/bin/netmon
-rwxr-xr-x root/root ./usr/bin/netmon-gui
-rwxr-xr-x root/root ./usr/sbin/netmond
LIST
)"
actual="$(dpkg-deb -c "$package" | awk '$1 !~ /^d/ {print $1, $2, $6}' | LC_ALL=C sort)"
if [ "$actual" != "$(LC_ALL=C sort <<<"$expected")" ]; then
    diff <(LC_ALL=C sort <<<"$expected") <(echo "$actual") >&2 || true
    fail "the package's files differ from the list above (< expected, > packaged)"
fi
echo "ok: files and modes"
root="$work/root"
dpkg-deb -x "$package" "$root"

# Every library the programs load comes from a package that Depends names (dpkg-shlibdeps's
# work, checked here against the ELF files' own NEEDED entries and dpkg's file database).
depends="$(dpkg-deb -f "$package" Depends)"
depended="$(tr ',|' '\n' <<<"$depends" | awk '{print $1}')"  # the package names alone
multiarch="$(dpkg-architecture -qDEB_HOST_MULTIARCH)"
echo "Depends: $depends"
for program in usr/bin/netmon usr/bin/netmon-gui usr/sbin/netmond; do
    for library in $(objdump -p "$root/$program" | awk '$1 == "NEEDED" {print $2}'); do
        owner="$(dpkg -S "*/$multiarch/$library" 2>/dev/null | head -n 1 | cut -d: -f1)"
        [ -n "$owner" ] || fail "no installed package holds $library, which $program loads"
        grep -qxF "$owner" <<<"$depended" ||
            fail "$program loads $library from $owner, which Depends does not name"
    done
done
grep -qxF adduser <<<"$depended" || fail "Depends lacks adduser (the postinst uses it)"
echo "ok: dependencies cover every library the programs load"

# lintian: no error; its warnings are printed. It advises against root, so it runs as nobody.
chmod 755 "$work" "$work/out"
chmod 644 "$package"
lintian_output="$(setpriv --reuid=nobody --regid=nogroup --clear-groups \
    env HOME=/nonexistent lintian --tag-display-limit 0 "$package" 2>&1)" || true
[ -z "$lintian_output" ] || echo "$lintian_output"
if grep -q '^E: ' <<<"$lintian_output"; then
    fail "lintian reports errors"
fi
echo "ok: lintian reports no error"

# The desktop entries: valid, and pointing at what the package ships.
for entry in usr/share/applications/netmon-gui.desktop usr/share/netmon/autostart/netmon-gui.desktop; do
    report="$(desktop-file-validate "$root/$entry" 2>&1)" || fail "$entry is invalid: $report"
    [ -z "$report" ] || fail "desktop-file-validate is not silent about $entry: $report"
    program="$(sed -n 's/^Exec=\([^ ]*\).*/\1/p' "$root/$entry")"
    [ -x "$root/usr/bin/$program" ] || fail "$entry runs $program, which is not in /usr/bin"
    icon="$(sed -n 's/^Icon=//p' "$root/$entry")"
    [ -f "$root/usr/share/icons/hicolor/scalable/apps/$icon.svg" ] ||
        fail "$entry's icon $icon is not in the hicolor theme"
done
grep -q '^Exec=netmon-gui --tray$' "$root/usr/share/netmon/autostart/netmon-gui.desktop" ||
    fail "the autostart entry does not start the app in the tray"
echo "ok: desktop entries"

# The unit: netmond's packaged path, and a sandbox scored at most 3.0.
unit="$root/usr/lib/systemd/system/netmond.service"
grep -q '^ExecStart=/usr/sbin/netmond ' "$unit" || fail "the unit does not start /usr/sbin/netmond"
score="$(systemd-analyze security --offline=true "$unit" 2>&1 |
    sed -n 's/.*Overall exposure level for netmond.service: \([0-9.]*\).*/\1/p')"
[ -n "$score" ] || fail "systemd-analyze security gave no exposure level for the unit"
echo "systemd-analyze security --offline=true netmond.service: exposure $score"
awk -v score="$score" 'BEGIN { exit !(score <= 3.0) }' || fail "exposure $score is above 3.0"
echo "ok: unit exposure $score <= 3.0"

# --- installed ------------------------------------------------------------------------------
installed=true
if ! dpkg -i "$package"; then
    echo "dpkg -i left dependencies missing; apt-get -f install fetches them"
    DEBIAN_FRONTEND=noninteractive apt-get -f install -y -qq
fi
dpkg-query -W -f='${Status}' netmon | grep -q "install ok installed" || fail "netmon is not installed"

IFS=: read -r _ _ uid gid _ home shell <<<"$(getent passwd netmon)" || fail "no user netmon"
group_id="$(getent group netmon | cut -d: -f3)" || fail "no group netmon"
[ "$gid" = "$group_id" ] || fail "netmon's primary group is $gid, not netmon ($group_id)"
system_uid_max="$(awk '$1 == "SYS_UID_MAX" {print $2}' /etc/login.defs 2>/dev/null)"
[ "$uid" -lt "${system_uid_max:-1000}" ] || fail "netmon's uid $uid is not a system uid"
[ "$home" = /var/lib/netmon ] || fail "netmon's home is $home"
case "$shell" in */nologin | */false) ;; *) fail "netmon may log in (shell $shell)" ;; esac
echo "ok: system user netmon ($uid) and group netmon ($group_id)"

[ "$(/usr/sbin/netmond --version)" = "netmond $version" ] ||
    fail "/usr/sbin/netmond --version says '$(/usr/sbin/netmond --version)', not 'netmond $version'"
/usr/bin/netmon --help >/dev/null || fail "/usr/bin/netmon --help failed"
echo "ok: the installed programs run"

# The installed netmond as the unit runs it: user netmon with exactly the unit's capabilities
# (read from the unit), in a network namespace of the test's own. It must count with eBPF, and
# every system call it makes must be one the unit's SystemCallFilter= allows (systemd is not
# running here, so strace lists them and systemd-analyze expands the filter's groups).
unit=/usr/lib/systemd/system/netmond.service
capabilities="$(sed -n 's/^AmbientCapabilities=//p' "$unit")"
[ "$capabilities" = "$(sed -n 's/^CapabilityBoundingSet=//p' "$unit")" ] ||
    fail "the unit's ambient capabilities and bounding set differ"
caps="$(tr '[:upper:]' '[:lower:]' <<<"$capabilities" | sed 's/cap_/+/g; s/ /,/g')"
namespace="netmon-deb-$$"
ip netns add "$namespace"
namespace_made=true
# A veth pair inside it (no traffic needed): deep mode attaches to real interfaces.
ip -n "$namespace" link add netmon-deb0 type veth peer name netmon-deb1
for link in lo netmon-deb0 netmon-deb1; do
    ip -n "$namespace" link set "$link" up
done
# The kernel's word on the eBPF engine: its tc programs on the interface (libpcap, the
# fallback, would also say "deep mode" but attaches none), as clsact filters or as TCX links
# (Linux 6.6+). Debian 12's bpftool lists TCX links as type 11 without their interface: those
# running a netmon_* program that were not there before netmond started are its own (the
# tests that run engines are serial: none runs beside this one).
tcx_netmon_links() {
    { bpftool -j link show | grep -o '"id":[0-9]*,"type":11,"prog_id":[0-9]*' || true; } |
        while IFS=, read -r link _ program; do
            if bpftool -j prog show id "${program#\"prog_id\":}" 2>/dev/null |
                grep -q '"name":"netmon_'; then
                echo "${link#\"id\":}"
            fi
        done | sort
}
tcx_before="$(tcx_netmon_links)"
tc_programs() {
    local filters links
    filters="$(ip netns exec "$namespace" bpftool -j net show dev netmon-deb0 |
        { grep -o '"name":"netmon_' || true; } | wc -l)"
    links="$(comm -13 <(echo "$tcx_before") <(tcx_netmon_links) | { grep -c . || true; })"
    echo $((filters + links))
}
run="$work/run"
install -d -o netmon -g netmon -m 0700 "$run"
ip netns exec "$namespace" strace -f -qq -o "$work/trace" \
    setpriv --reuid=netmon --regid=netmon --init-groups --inh-caps="-all,$caps" \
    --ambient-caps="-all,$caps" --bounding-set="-all,$caps" --no-new-privs \
    /usr/sbin/netmond --foreground --socket "$run/netmond.sock" --db "$run/history.db" \
    --config "$run/netmond.json" 2>"$work/netmond.log" &
service_pid=$!
attached=0
for _ in $(seq 60); do
    if grep -q "monitoring in" "$work/netmond.log"; then
        attached="$(tc_programs)"
        break
    fi
    kill -0 "$service_pid" 2>/dev/null || break
    sleep 0.5
done
stop_service
cat "$work/netmond.log"
grep -q "monitoring in deep mode" "$work/netmond.log" ||
    fail "netmond did not reach deep mode with the unit's capabilities ($capabilities)"
[ "$attached" -ge 2 ] ||
    fail "netmond attached $attached eBPF programs to netmon-deb0 (want ingress and egress)"
[ "$(tc_programs)" -eq 0 ] || fail "netmond left its eBPF programs on netmon-deb0 after SIGTERM"
expand_filter() {
    local entry
    for entry in "$@"; do
        if [[ "$entry" == @* ]]; then
            # shellcheck disable=SC2046
            expand_filter $(systemd-analyze syscall-filter "$entry" | sed -n '2,$ s/^ *\([@a-z0-9_-]*\)$/\1/p')
        else
            echo "$entry"
        fi
    done
}
# shellcheck disable=SC2046
allowed="$(expand_filter $(sed -n 's/^SystemCallFilter=\([^~].*\)/\1/p' "$unit") | sort -u)"
# strace itself runs setpriv, whose calls (setresuid, prctl…) happen before netmond starts.
used="$(awk '/execve\("\/usr\/sbin\/netmond"/ {on = 1} on' "$work/trace" |
    sed -n 's/^[0-9]* *\([a-z0-9_]*\)(.*/\1/p' | sort -u)"
denied="$(comm -23 <(echo "$used") <(echo "$allowed"))"
[ -z "$denied" ] || fail "netmond made system calls the unit does not allow: $denied"
echo "ok: netmond counts with eBPF as netmon with $capabilities, removes its programs on SIGTERM; its $(wc -l <<<"$used") system calls are all allowed"

wants=/etc/systemd/system/multi-user.target.wants/netmond.service
# deb-systemd-helper links to /lib/systemd/system, which is /usr/lib's where /usr is merged.
[ "$(readlink -f "$wants")" = "$(readlink -f /usr/lib/systemd/system/netmond.service)" ] ||
    fail "the postinst did not enable the unit ($wants)"
verify="$(systemd-analyze verify /usr/lib/systemd/system/netmond.service 2>&1)" ||
    fail "systemd-analyze verify: $verify"
[ -z "$verify" ] || fail "systemd-analyze verify is not silent: $verify"
echo "ok: unit enabled and verified"

# What netmond leaves while it runs (StateDirectory=, ConfigurationDirectory=), and a file an
# administrator put beside its settings.
install -d -o netmon -g netmon -m 0700 /var/lib/netmon /etc/netmon
for file in /var/lib/netmon/history.db /var/lib/netmon/history.db-wal /etc/netmon/netmond.json \
    /etc/netmon/netmond.json.tmp-x1y2; do
    install -o netmon -g netmon -m 0600 /dev/null "$file"
done
echo "kept" >"$admin_file"

# --- removed: the programs go, the user and the data stay ------------------------------------
dpkg --remove netmon
for program in /usr/sbin/netmond /usr/bin/netmon /usr/bin/netmon-gui; do
    [ ! -e "$program" ] || fail "dpkg --remove left $program"
done
getent passwd netmon >/dev/null || fail "dpkg --remove deleted the user netmon"
[ -f /var/lib/netmon/history.db ] || fail "dpkg --remove deleted the history"
echo "ok: removed, history and user kept"

# --- purged: everything of ours goes, nothing else -------------------------------------------
dpkg --purge netmon
installed=false
! dpkg-query -W -f='${Status}' netmon 2>/dev/null | grep -q installed || fail "netmon is still known to dpkg"
! getent passwd netmon >/dev/null || fail "the purge left the user netmon"
! getent group netmon >/dev/null || fail "the purge left the group netmon"
[ ! -e /var/lib/netmon ] || fail "the purge left /var/lib/netmon"
for file in /etc/netmon/netmond.json /etc/netmon/netmond.json.tmp-x1y2; do
    [ ! -e "$file" ] || fail "the purge left $file"
done
[ "$(cat "$admin_file" 2>/dev/null)" = kept ] || fail "the purge deleted a file that is not netmond's"
leftovers="$(find /etc/systemd/system -name 'netmond.service*' 2>/dev/null)"
[ -z "$leftovers" ] || fail "the purge left unit links: $leftovers"
echo "ok: purged: user, group, history, settings and unit links gone; the administrator's file kept"
