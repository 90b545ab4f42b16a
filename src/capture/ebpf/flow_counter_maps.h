/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
#pragma once

/* The fixed-width records shared by the kernel programs (flow_counter.bpf.c,
 * socket_owners.bpf.c) and their user-space loaders. Plain C so both compilers read the same
 * bytes; every padding byte is named, so a key is hashed the same on both sides. In the BPF
 * build, vmlinux.h supplies the __uN types. */

#ifdef __cplusplus
#include <linux/types.h>

#include <cstddef>
#define NETMON_STATIC_ASSERT static_assert
namespace netmon::capture::kernel {
#else
#define NETMON_STATIC_ASSERT _Static_assert
#endif

enum netmon_direction { NETMON_IN = 0, NETMON_OUT = 1 };
enum netmon_family { NETMON_FAMILY_ANY = 0, NETMON_FAMILY_IPV4 = 4, NETMON_FAMILY_IPV6 = 6 };

/* A 5-tuple seen from this machine: an IPv4 address fills the first 4 bytes, the rest is 0.
 * Ports in host order (0 for protocols without ports); protocol is the IP protocol number. */
struct netmon_tuple {
    __u8 family; /* enum netmon_family */
    __u8 protocol;
    __u16 local_port;
    __u16 remote_port;
    __u16 pad;
    __u8 local_addr[16];
    __u8 remote_addr[16];
};
NETMON_STATIC_ASSERT(sizeof(struct netmon_tuple) == 40, "netmon_tuple layout");

/* Key of the flow map: one entry per interface and oriented 5-tuple. */
struct netmon_flow_key {
    __u32 ifindex;
    struct netmon_tuple tuple;
};
NETMON_STATIC_ASSERT(sizeof(struct netmon_flow_key) == 44, "netmon_flow_key layout");

struct netmon_counter {
    __u64 bytes;
    __u64 packets;
};
NETMON_STATIC_ASSERT(sizeof(struct netmon_counter) == 16, "netmon_counter layout");

/* Value of the flow map, indexed by enum netmon_direction. Updated with atomic adds; only
 * grows. Bytes are wire bytes (the frame as the interface counts it). */
struct netmon_flow_counters {
    struct netmon_counter dir[2];
};
NETMON_STATIC_ASSERT(sizeof(struct netmon_flow_counters) == 32, "netmon_flow_counters layout");

/* Value of the per-CPU interface map (key: ifindex): what has no flow. The program runs with
 * bottom halves off, so each CPU's copy has one writer; user space adds the copies up. */
struct netmon_interface_counters {
    struct netmon_counter non_ip[2];    /* ARP, LLDP, 802.3 frames… */
    struct netmon_counter malformed[2]; /* IP the parser refused */
    struct netmon_counter overflow[2];  /* IP with no room left in the flow map */
};
NETMON_STATIC_ASSERT(sizeof(struct netmon_interface_counters) == 96,
                     "netmon_interface_counters layout");

/* Value of the one-entry owner map: which process loaded these programs, so that a later
 * run tells a live engine's filters from a killed one's. */
struct netmon_loader {
    __u32 pid;
    __u32 pad;
    __u64 start_time; /* the process's start time in clock ticks after boot (/proc/PID/stat) */
    __u64 instance;   /* distinguishes engines within one process */
};
NETMON_STATIC_ASSERT(sizeof(struct netmon_loader) == 24, "netmon_loader layout");

/* Key of the socket owner map: a tuple in a network namespace (its inode number). A socket
 * that is not connected (UDP) has remote address and port 0; one bound to a wildcard
 * address has local address 0 and family NETMON_FAMILY_ANY. */
struct netmon_owner_key {
    __u32 netns;
    struct netmon_tuple tuple;
};
NETMON_STATIC_ASSERT(sizeof(struct netmon_owner_key) == 44, "netmon_owner_key layout");

struct netmon_owner {
    __u32 pid; /* thread group id: the process */
    __u32 pad;
    char comm[16]; /* the process's (group leader's) short name */
};
NETMON_STATIC_ASSERT(sizeof(struct netmon_owner) == 24, "netmon_owner layout");

#ifdef __cplusplus
NETMON_STATIC_ASSERT(offsetof(netmon_flow_key, tuple) == 4, "tuple follows ifindex");
NETMON_STATIC_ASSERT(offsetof(netmon_tuple, local_addr) == 8, "addresses follow the ports");
}  // namespace netmon::capture::kernel
#endif
#undef NETMON_STATIC_ASSERT
