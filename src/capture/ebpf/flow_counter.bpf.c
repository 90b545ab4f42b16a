// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* Deep mode's counting in the kernel: tc clsact programs on each monitored interface add every
 * frame's wire length to its flow (interface + 5-tuple oriented local/remote) with atomic adds.
 * Frames without a flow go to the interface's per-CPU "other" counters: non-IP, malformed IP,
 * and IP for which the flow map had no room (overflow), so that for an interface
 * sum(flows) + other == what the interface counted. Nothing is copied to user space per
 * packet, and nothing here deletes: user space evicts idle flows.
 *
 * Four programs: in/out for devices with an Ethernet header in front of the packet (Ethernet,
 * loopback) and in/out for devices whose packets start with the IP header (tun, WireGuard…);
 * the loader picks by the device type. All return TC_ACT_UNSPEC: the packet goes on as if we
 * were not there. The parser follows src/capture's (the libpcap engine's) rules. */
/* vmlinux.h (the kernel's types) comes first. */
// clang-format off
#include "vmlinux.h"
#include <bpf/bpf_endian.h>
#include <bpf/bpf_helpers.h>
#include "flow_counter_maps.h"
#include "frame_parser.bpf.h"
// clang-format on

char LICENSE[] SEC("license") = "Dual BSD/GPL";

#define TC_ACT_UNSPEC (-1)
#define E2BIG 7
#define EEXIST 17

/* Sizes are set by the loader before loading. */
struct {
    __uint(type, BPF_MAP_TYPE_HASH);
    __uint(max_entries, 65536);
    __type(key, struct netmon_flow_key);
    __type(value, struct netmon_flow_counters);
} netmon_flows SEC(".maps");

struct {
    __uint(type, BPF_MAP_TYPE_PERCPU_HASH);
    __uint(max_entries, 1024); /* interfaces ever attached during one run */
    __type(key, __u32);        /* ifindex */
    __type(value, struct netmon_interface_counters);
} netmon_ifaces SEC(".maps");

struct {
    __uint(type, BPF_MAP_TYPE_ARRAY);
    __uint(max_entries, 1);
    __type(key, __u32);
    __type(value, struct netmon_loader);
} netmon_loader SEC(".maps");

/* A fragmented datagram's ports, from its first fragment, for the fragments after it. */
struct fragment_key {
    __u32 id;
    __u8 family;
    __u8 protocol;
    __u16 pad;
    __u8 source[16];
    __u8 destination[16];
};

struct fragment_ports {
    __u16 source;
    __u16 destination;
};

struct {
    __uint(type, BPF_MAP_TYPE_LRU_HASH);
    __uint(max_entries, 1024);
    __type(key, struct fragment_key);
    __type(value, struct fragment_ports);
} netmon_frags SEC(".maps");

static __always_inline void add_other(__u32 ifindex, enum parse_result kind, int dir, __u32 len,
                                      int overflow) {
    struct netmon_interface_counters* counters = bpf_map_lookup_elem(&netmon_ifaces, &ifindex);
    if (!counters) {
        struct netmon_interface_counters zero = {};
        bpf_map_update_elem(&netmon_ifaces, &ifindex, &zero, BPF_NOEXIST);
        counters = bpf_map_lookup_elem(&netmon_ifaces, &ifindex);
        if (!counters) {
            return;
        }
    }
    struct netmon_counter* slot = overflow            ? &counters->overflow[dir]
                                  : kind == MALFORMED ? &counters->malformed[dir]
                                                      : &counters->non_ip[dir];
    slot->bytes += len; /* this CPU's copy, and bottom halves are off: one writer */
    slot->packets += 1;
}

/* The key of a fragmented datagram: addresses as the frame has them, whatever the direction. */
static __always_inline void fragment_key_of(struct packet* packet, int dir,
                                            struct fragment_key* key) {
    key->id = packet->fragment_id;
    key->family = packet->key.tuple.family;
    key->protocol = packet->key.tuple.protocol;
    __builtin_memcpy(key->source, source_address(packet, dir), 16);
    __builtin_memcpy(key->destination, destination_address(packet, dir), 16);
}

/* The frame's oriented tuple; a later fragment gets its first fragment's ports (ports 0 when
 * that one was not seen), as the libpcap engine's fragment tracker does. */
static __always_inline enum parse_result parse(struct __sk_buff* skb, __u32 link_header, int dir,
                                               struct packet* packet) {
    enum parse_result result;
    if (!parse_fast(skb, link_header, dir, packet, &result)) {
        result = (enum parse_result)parse_general(skb, link_header, dir, packet);
    }
    if (result != PARSED || packet->fragment == WHOLE) {
        return result;
    }
    struct fragment_key key = {};
    fragment_key_of(packet, dir, &key);
    __u16* local = &packet->key.tuple.local_port;
    __u16* remote = &packet->key.tuple.remote_port;
    if (packet->fragment == LATER_FRAGMENT) {
        struct fragment_ports* ports = bpf_map_lookup_elem(&netmon_frags, &key);
        if (ports) {
            *local = dir == NETMON_OUT ? ports->source : ports->destination;
            *remote = dir == NETMON_OUT ? ports->destination : ports->source;
        }
    } else if (*local || *remote) {
        struct fragment_ports ports = {dir == NETMON_OUT ? *local : *remote,
                                       dir == NETMON_OUT ? *remote : *local};
        bpf_map_update_elem(&netmon_frags, &key, &ports, BPF_ANY);
    }
    return PARSED;
}

static __always_inline void add(struct netmon_flow_counters* counters, int dir, __u32 len) {
    __sync_fetch_and_add(&counters->dir[dir].bytes, len);
    __sync_fetch_and_add(&counters->dir[dir].packets, 1);
}

/* A flow seen for the first time (the cold path). */
static __always_inline void add_new(struct __sk_buff* skb, struct netmon_flow_key* key, int dir,
                                    __u32 len) {
    /* Only programs their loader stamped create flows. The check is not needed at run time
     * (programs are stamped before they are attached); it makes the stamp map one of the
     * programs' maps, where a later run finds who loaded them (leftover_filters.cpp). */
    __u32 zero = 0;
    struct netmon_loader* loader = bpf_map_lookup_elem(&netmon_loader, &zero);
    if (!loader || !loader->pid) {
        return;
    }
    struct netmon_flow_counters first = {};
    first.dir[dir].bytes = len;
    first.dir[dir].packets = 1;
    long error = bpf_map_update_elem(&netmon_flows, key, &first, BPF_NOEXIST);
    if (error == -EEXIST) { /* another CPU created it since our lookup */
        struct netmon_flow_counters* counters = bpf_map_lookup_elem(&netmon_flows, key);
        if (counters) {
            add(counters, dir, len);
            return;
        }
    }
    if (error) { /* -E2BIG: no room; user space evicts idle flows and warns */
        add_other(skb->ifindex, PARSED, dir, len, 1);
    }
}

static __always_inline int count(struct __sk_buff* skb, __u32 link_header, int dir) {
    __u32 len = skb->len; /* the frame, link header included, as the device counts it */
    struct packet packet = {};
    enum parse_result result = parse(skb, link_header, dir, &packet);
    if (result != PARSED) {
        add_other(skb->ifindex, result, dir, len, 0);
        return TC_ACT_UNSPEC;
    }
    packet.key.ifindex = skb->ifindex;
    struct netmon_flow_counters* counters = bpf_map_lookup_elem(&netmon_flows, &packet.key);
    if (counters) {
        add(counters, dir, len);
    } else {
        add_new(skb, &packet.key, dir, len);
    }
    return TC_ACT_UNSPEC;
}

SEC("tc")
int netmon_in_eth(struct __sk_buff* skb) {
    return count(skb, 14, NETMON_IN);
}

SEC("tc")
int netmon_out_eth(struct __sk_buff* skb) {
    return count(skb, 14, NETMON_OUT);
}

SEC("tc")
int netmon_in_ip(struct __sk_buff* skb) {
    return count(skb, 0, NETMON_IN);
}

SEC("tc")
int netmon_out_ip(struct __sk_buff* skb) {
    return count(skb, 0, NETMON_OUT);
}
