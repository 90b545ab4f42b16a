# SPDX-License-Identifier: GPL-3.0-or-later
# Sourced by the bench scripts that need two network namespaces joined by a veth pair.
# make_veth_pair NS_A NS_B IF_A IF_B MAC_A MAC_B IP_A IP_B: creates both namespaces (IPv6 off,
# loopback up) and the pair (addresses in a /24, static neighbours, links up). The caller
# removes the namespaces on its way out (ip netns del), which removes the pair too.
make_veth_pair() {
    local nsA="$1" nsB="$2" ifA="$3" ifB="$4" macA="$5" macB="$6" ipA="$7" ipB="$8"
    local ns
    ip netns add "$nsA"
    ip netns add "$nsB"
    for ns in "$nsA" "$nsB"; do
        ip netns exec "$ns" sysctl -qw net.ipv6.conf.all.disable_ipv6=1
        ip netns exec "$ns" sysctl -qw net.ipv6.conf.default.disable_ipv6=1
        ip -n "$ns" link set lo up
    done
    ip -n "$nsA" link add "$ifA" address "$macA" type veth peer name "$ifB" address "$macB" \
        netns "$nsB"
    ip -n "$nsA" addr add "$ipA/24" dev "$ifA"
    ip -n "$nsB" addr add "$ipB/24" dev "$ifB"
    ip -n "$nsA" neigh add "$ipB" lladdr "$macB" dev "$ifA" nud permanent
    ip -n "$nsB" neigh add "$ipA" lladdr "$macA" dev "$ifB" nud permanent
    ip -n "$nsA" link set "$ifA" up
    ip -n "$nsB" link set "$ifB" up
}
