# SPDX-License-Identifier: GPL-3.0-or-later
# Sourced, not run: debian_source <package[=version]> <folder> downloads a Debian source package
# (.dsc, upstream tarball, Debian patches) into <folder> and unpacks it there with its patches
# applied; it prints the unpacked tree's path. The system's apt configuration is left alone:
# the deb-src twins of the machine's own deb entries live in sources files under <folder>, used
# for this download only. The deb822 entries (*.sources) are tried first, then the one-line ones
# (sources.list, *.list): one set at a time, since a machine with both often lists the same
# archive twice, once with Signed-By and once without, which apt refuses to combine. Needs
# dpkg-dev (dpkg-source); the caller installs it.
debian_source() {
    local package="$1" folder="$2"
    local apt_dir="$folder/apt"
    local name="${package%%=*}"
    mkdir -p "$apt_dir/lists/partial" "$apt_dir/cache/archives/partial" "$apt_dir/deb822" \
        "$apt_dir/one-line"
    local file
    for file in /etc/apt/sources.list.d/*.sources; do
        [ -e "$file" ] || continue
        sed -E 's/^Types:.*/Types: deb-src/' "$file" > "$apt_dir/deb822/$(basename "$file")"
    done
    grep -hE '^\s*deb\s' /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null |
        sed -E 's/^\s*deb\s/deb-src /' > "$apt_dir/one-line/sources.list" || true
    local set tree
    for set in deb822 one-line; do
        [ -n "$(find "$apt_dir/$set" -type f -size +0)" ] || continue
        local options=(-o "Dir::Etc::SourceList=/dev/null" -o "Dir::Etc::SourceParts=$apt_dir/$set"
                       -o "Dir::State::Lists=$apt_dir/lists" -o "Dir::Cache=$apt_dir/cache"
                       -o "APT::Get::Only-Source=true" -o "APT::Sandbox::User=root")
        if apt-get "${options[@]}" update -qq >&2 &&
           (cd "$folder" && apt-get "${options[@]}" source -qq "$package" >&2); then
            tree="$(find "$folder" -mindepth 1 -maxdepth 1 -type d -name "$name-*" | head -n 1)"
            if [ -n "$tree" ]; then
                echo "$tree"
                return 0
            fi
        fi
        echo "debian_source: $name not found through the $set entries" >&2
    done
    echo "debian_source: $name could not be downloaded (are deb.debian.org's sources reachable?)" >&2
    return 1
}
