# SPDX-License-Identifier: GPL-3.0-or-later
# Sourced, not run: debian_source <package[=version]> <folder> downloads a Debian source package
# (.dsc, upstream tarball, Debian patches) into <folder> and unpacks it there with its patches
# applied; it prints the unpacked tree's path. The system's apt configuration is left alone:
# the deb-src twins of the machine's own deb entries live in a sources file under <folder>,
# used for this download only. Needs dpkg-dev (dpkg-source); the caller installs it.
debian_source() {
    local package="$1" folder="$2"
    local apt_dir="$folder/apt"
    mkdir -p "$apt_dir/lists/partial" "$apt_dir/cache/archives/partial" "$apt_dir/parts"
    # One-line entries (sources.list, *.list) and deb822 entries (*.sources), both turned deb-src.
    {
        grep -hE '^\s*deb\s' /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null |
            sed -E 's/^\s*deb\s/deb-src /' || true
    } > "$apt_dir/parts/one-line.list"
    local file
    for file in /etc/apt/sources.list.d/*.sources; do
        [ -e "$file" ] || continue
        sed -E 's/^Types:.*/Types: deb-src/' "$file" > "$apt_dir/parts/$(basename "$file")"
    done
    local options=(-o "Dir::Etc::SourceList=/dev/null" -o "Dir::Etc::SourceParts=$apt_dir/parts"
                   -o "Dir::State::Lists=$apt_dir/lists" -o "Dir::Cache=$apt_dir/cache"
                   -o "APT::Get::Only-Source=true" -o "APT::Sandbox::User=root")
    apt-get "${options[@]}" update -qq >&2
    (cd "$folder" && apt-get "${options[@]}" source -qq "$package" >&2)
    local name="${package%%=*}"
    local tree
    tree="$(find "$folder" -mindepth 1 -maxdepth 1 -type d -name "$name-*" | head -n 1)"
    if [ -z "$tree" ]; then
        echo "debian_source: $name did not unpack in $folder" >&2
        return 1
    fi
    echo "$tree"
}
