// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* bench/service_cost.sh's yardstick: the least a per-flow counter must do per packet, to
 * weigh deep mode's tc program (src/capture/ebpf/flow_counter.bpf.c) against under
 * kernel.bpf_stats_enabled. It reads Ethernet + IPv4 (any header length) or IPv6 (no extension
 * headers) + TCP/UDP ports straight from the packet's linear data, and adds packets and bytes
 * to the frame's 5-tuple in a hash map with atomic adds, creating the entry when it is new.
 * Everything else is skipped: no VLANs, fragments, malformed-packet checks, interfaces,
 * directions or uncounted-traffic totals, which is what ours pays for. Attached with `tc` on
 * ingress and egress; returns TC_ACT_UNSPEC. Never part of the product. */
// clang-format off
#include "vmlinux.h"
#include <bpf/bpf_endian.h>
#include <bpf/bpf_helpers.h>
// clang-format on

char LICENSE[] SEC("license") = "Dual BSD/GPL";

#define TC_ACT_UNSPEC (-1)
#define EEXIST 17

struct min_key {
    __u8 family;
    __u8 protocol;
    __u16 source_port;
    __u16 destination_port;
    __u16 pad;
    __u8 source[16];
    __u8 destination[16];
};

struct min_counters {
    __u64 packets;
    __u64 bytes;
};

struct {
    __uint(type, BPF_MAP_TYPE_HASH);
    __uint(max_entries, 65536);
    __type(key, struct min_key);
    __type(value, struct min_counters);
} min_flows SEC(".maps");

SEC("tc")
int min_flow_counter(struct __sk_buff* skb) {
    void* data = (void*)(long)skb->data;
    void* end = (void*)(long)skb->data_end;
    struct ethhdr* ethernet = data;
    if ((void*)(ethernet + 1) > end) {
        return TC_ACT_UNSPEC;
    }
    struct min_key key = {};
    void* transport;
    if (ethernet->h_proto == bpf_htons(0x0800)) {
        struct iphdr* ip = (void*)(ethernet + 1);
        if ((void*)(ip + 1) > end) {
            return TC_ACT_UNSPEC;
        }
        key.family = 4;
        key.protocol = ip->protocol;
        __builtin_memcpy(key.source, &ip->saddr, 4);
        __builtin_memcpy(key.destination, &ip->daddr, 4);
        transport = (void*)ip + ip->ihl * 4;
    } else if (ethernet->h_proto == bpf_htons(0x86dd)) {
        struct ipv6hdr* ip = (void*)(ethernet + 1);
        if ((void*)(ip + 1) > end) {
            return TC_ACT_UNSPEC;
        }
        key.family = 6;
        key.protocol = ip->nexthdr;
        __builtin_memcpy(key.source, &ip->saddr, 16);
        __builtin_memcpy(key.destination, &ip->daddr, 16);
        transport = ip + 1;
    } else {
        return TC_ACT_UNSPEC;
    }
    if (key.protocol == 6 || key.protocol == 17) {
        __be16* ports = transport;
        if ((void*)(ports + 2) <= end) {
            key.source_port = bpf_ntohs(ports[0]);
            key.destination_port = bpf_ntohs(ports[1]);
        }
    }
    struct min_counters* counters = bpf_map_lookup_elem(&min_flows, &key);
    if (!counters) {
        struct min_counters first = {1, skb->len};
        if (bpf_map_update_elem(&min_flows, &key, &first, BPF_NOEXIST) != -EEXIST) {
            return TC_ACT_UNSPEC;
        }
        counters = bpf_map_lookup_elem(&min_flows, &key); /* another CPU made it meanwhile */
        if (!counters) {
            return TC_ACT_UNSPEC;
        }
    }
    __sync_fetch_and_add(&counters->packets, 1);
    __sync_fetch_and_add(&counters->bytes, skb->len);
    return TC_ACT_UNSPEC;
}
