// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* Process attribution: which process owns the socket of a flow. Hooks on the socket calls
 * that run in the owner's context write the socket's tuple → (pid, command) into an LRU map;
 * user space joins it with the flow map by tuple.
 *
 * Two sets of hooks; the loader picks one by what the kernel's BTF offers:
 * - the sock_send_length / sock_recv_length tracepoints (Linux 6.3+), raised by every
 *   sendmsg/recvmsg on every socket (read, write, sendfile and io_uring included); tp_btf
 *   programs need no BPF trampoline, so they load where fentry cannot (kernels without
 *   direct-call ftrace, or that refuse it);
 * - fentry on tcp_connect, tcp_sendmsg/recvmsg, fexit on udp(v6)_sendmsg and fentry on
 *   udp(v6)_recvmsg, for older kernels.
 * Either way the hook runs on every send and receive, so it is made cheap: the socket is read
 * through its BTF pointer (plain loads with CO-RE offsets, no helper calls), and a per-socket
 * mark (socket local storage) says when this process already recorded this socket as it is
 * now; only then are the map and the command touched. */
/* vmlinux.h (the kernel's types) comes first. */
// clang-format off
#include "vmlinux.h"
#include <bpf/bpf_core_read.h>
#include <bpf/bpf_endian.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include "flow_counter_maps.h"
// clang-format on

char LICENSE[] SEC("license") = "Dual BSD/GPL";

#define AF_INET 2
#define AF_INET6 10
#define IPPROTO_TCP 6
#define IPPROTO_UDP 17

/* Size set by the loader. An evicted entry only costs a flow its pid, never bytes. */
struct {
    __uint(type, BPF_MAP_TYPE_LRU_HASH);
    __uint(max_entries, 16384);
    __type(key, struct netmon_owner_key);
    __type(value, struct netmon_owner);
} netmon_owners SEC(".maps");

/* What a socket was last recorded as: by which process, with which tuple. */
struct owner_mark {
    __u32 pid;
    __u32 fingerprint;
};

struct {
    __uint(type, BPF_MAP_TYPE_SK_STORAGE);
    __uint(map_flags, BPF_F_NO_PREALLOC);
    __type(key, int);
    __type(value, struct owner_mark);
} netmon_sk_marks SEC(".maps");

/* Branch-free address tests (branches here would multiply the verifier's states). */
static __always_inline int is_zero(const __u8* address) {
    __u64 high, low;
    __builtin_memcpy(&high, address, 8);
    __builtin_memcpy(&low, address + 8, 8);
    return (high | low) == 0;
}

static __always_inline int is_v4_mapped(const __u8* address) {
    __u64 high;
    __u32 middle;
    __builtin_memcpy(&high, address, 8);
    __builtin_memcpy(&middle, address + 8, 4);
    return (high == 0) & (middle == bpf_htonl(0xffff));
}

static __always_inline void store(const struct netmon_owner_key* key, __u32 pid) {
    struct netmon_owner* known = bpf_map_lookup_elem(&netmon_owners, key);
    if (known && known->pid == pid) {
        return;
    }
    struct netmon_owner owner = {};
    owner.pid = pid;
    struct task_struct* task = bpf_get_current_task_btf();
    __builtin_memcpy(owner.comm, task->group_leader->comm, sizeof owner.comm);
    bpf_map_update_elem(&netmon_owners, key, &owner, BPF_ANY);
}

/* An IPv6 address into the tuple: v4-mapped ones (dual-stack sockets) as the IPv4 address
 * they carry, which is what the packets on the wire hold. */
static __always_inline __u8 put_v6(__u8* to, const __u8* address) {
    if (is_v4_mapped(address)) {
        __builtin_memcpy(to, address + 12, 4);
        return NETMON_FAMILY_IPV4;
    }
    __builtin_memcpy(to, address, 16);
    return NETMON_FAMILY_IPV6;
}

/* `sk` is a trusted BTF pointer (a tracepoint's or fentry's argument): plain loads. */
static __always_inline void remember(struct sock* sk, __u8 protocol) {
    struct sock_common* common = &sk->__sk_common;
    __u16 local_port = common->skc_num;
    if (!local_port) {
        return; /* not bound yet */
    }
    __u16 family = common->skc_family;
    __u32 pid = bpf_get_current_pid_tgid() >> 32;
    __u32 fingerprint = local_port | (__u32)common->skc_dport << 16;
    if (family == AF_INET) {
        fingerprint ^= common->skc_daddr ^ common->skc_rcv_saddr;
    } else if (family == AF_INET6 && bpf_core_field_exists(common->skc_v6_daddr)) {
        fingerprint ^=
            common->skc_v6_daddr.in6_u.u6_addr32[3] ^ common->skc_v6_rcv_saddr.in6_u.u6_addr32[3];
    } else {
        return;
    }
    struct owner_mark* mark =
        bpf_sk_storage_get(&netmon_sk_marks, sk, 0, BPF_SK_STORAGE_GET_F_CREATE);
    if (mark && mark->pid == pid && mark->fingerprint == fingerprint) {
        return; /* recorded already, as it is now */
    }
    struct netmon_owner_key key = {};
    key.netns = common->skc_net.net->ns.inum;
    key.tuple.protocol = protocol;
    key.tuple.local_port = local_port;
    __u16 remote_port = bpf_ntohs(common->skc_dport);
    __u8 remote[16] = {};
    __u8 remote_family;
    if (family == AF_INET) {
        __u32 local = common->skc_rcv_saddr;
        __u32 peer = common->skc_daddr;
        key.tuple.family = NETMON_FAMILY_IPV4;
        __builtin_memcpy(key.tuple.local_addr, &local, 4);
        __builtin_memcpy(remote, &peer, 4);
        remote_family = NETMON_FAMILY_IPV4;
    } else {
        __u8 local[16], peer[16];
        __builtin_memcpy(local, common->skc_v6_rcv_saddr.in6_u.u6_addr8, 16);
        __builtin_memcpy(peer, common->skc_v6_daddr.in6_u.u6_addr8, 16);
        key.tuple.family = put_v6(key.tuple.local_addr, local);
        remote_family = put_v6(remote, peer);
    }
    /* The local endpoint: wildcard-bound sockets match any local address of either family. */
    if (is_zero(key.tuple.local_addr)) {
        key.tuple.family = NETMON_FAMILY_ANY;
    }
    store(&key, pid);
    /* The full tuple, when there is a peer (TCP connections, connected UDP). */
    if (remote_port && !is_zero(remote) && remote_family == key.tuple.family) {
        key.tuple.remote_port = remote_port;
        __builtin_memcpy(key.tuple.remote_addr, remote, 16);
        store(&key, pid);
    }
    if (mark) {
        mark->pid = pid;
        mark->fingerprint = fingerprint;
    }
}

/* sk_protocol is a plain u16 on every kernel that has these tracepoints. */
static __always_inline void remember_any(struct sock* sk) {
    __u16 family = sk->__sk_common.skc_family;
    if (family != AF_INET && family != AF_INET6) {
        return;
    }
    __u16 protocol = sk->sk_protocol;
    if (protocol == IPPROTO_TCP || protocol == IPPROTO_UDP) {
        remember(sk, protocol);
    }
}

SEC("tp_btf/sock_send_length")
int BPF_PROG(netmon_send_len, struct sock* sk, int ret, int flags) {
    remember_any(sk);
    return 0;
}

SEC("tp_btf/sock_recv_length")
int BPF_PROG(netmon_recv_len, struct sock* sk, int ret, int flags) {
    remember_any(sk);
    return 0;
}

SEC("fentry/tcp_connect")
int BPF_PROG(netmon_tcp_conn, struct sock* sk) {
    remember(sk, IPPROTO_TCP);
    return 0;
}

SEC("fentry/tcp_sendmsg")
int BPF_PROG(netmon_tcp_send, struct sock* sk) {
    remember(sk, IPPROTO_TCP);
    return 0;
}

SEC("fentry/tcp_recvmsg")
int BPF_PROG(netmon_tcp_recv, struct sock* sk) {
    remember(sk, IPPROTO_TCP);
    return 0;
}

/* fexit for sends: a socket's first sendmsg binds it to a port. */
SEC("fexit/udp_sendmsg")
int BPF_PROG(netmon_udp_send, struct sock* sk) {
    remember(sk, IPPROTO_UDP);
    return 0;
}

SEC("fentry/udp_recvmsg")
int BPF_PROG(netmon_udp_recv, struct sock* sk) {
    remember(sk, IPPROTO_UDP);
    return 0;
}

SEC("fexit/udpv6_sendmsg")
int BPF_PROG(netmon_udp6_snd, struct sock* sk) {
    remember(sk, IPPROTO_UDP);
    return 0;
}

SEC("fentry/udpv6_recvmsg")
int BPF_PROG(netmon_udp6_rcv, struct sock* sk) {
    remember(sk, IPPROTO_UDP);
    return 0;
}
