/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
#pragma once

/* The kernel side's frame parser (included by flow_counter.bpf.c only). It follows the rules
 * of src/capture's parser, the libpcap engine's (ebpf_program_test.cpp checks that both agree
 * frame by frame): Ethernet with up to 3 VLAN tags (or a bare IP packet on devices without a
 * link header), IPv4 with options and the total-length checks, IPv6 with up to 8 extension
 * headers, TCP/UDP ports with their header checks, ICMP needing 4 bytes.
 *
 * Two ways in: the fast path reads the common frame (no VLAN tag, IPv4 without options or
 * IPv6 without extension headers) straight from the packet's linear data at fixed offsets;
 * everything else goes through bpf_skb_load_bytes (non-linear data included). Both decode with
 * the same functions. Fixed offsets keep the verifier's work small; direct reads at computed
 * offsets would multiply its states. */

#define ETHERTYPE_MIN 0x0600 /* below: an 802.3 length field */
#define ETHERTYPE_IPV4 0x0800
#define ETHERTYPE_IPV6 0x86dd
#define MAX_VLAN_TAGS 3
#define MAX_IPV6_EXTENSIONS 8
#define TRANSPORT_BYTES 14 /* what decode_transport may read: TCP's data offset is byte 12 */

enum parse_result { PARSED, NON_IP, MALFORMED };
enum fragment_kind { WHOLE, FIRST_FRAGMENT, LATER_FRAGMENT };

/* What the parser found. The tuple is oriented as the flow map wants it: for a frame sent
 * (NETMON_OUT) the source is the local end, for one received (NETMON_IN) the remote end. */
struct packet {
    struct netmon_flow_key key; /* key.ifindex is the caller's */
    __u32 transport;            /* offset of the transport header in the frame */
    __u32 transport_length;     /* bytes from there to the end of the IP packet */
    __u32 fragment_id;
    __u8 fragment; /* enum fragment_kind */
};

static __always_inline __u16 read_u16(const __u8* bytes) {
    return ((__u16)bytes[0] << 8) | bytes[1];
}

/* Where a frame's source and destination go in the oriented tuple (dir is a constant). */
static __always_inline __u8* source_address(struct packet* packet, int dir) {
    return dir == NETMON_OUT ? packet->key.tuple.local_addr : packet->key.tuple.remote_addr;
}

static __always_inline __u8* destination_address(struct packet* packet, int dir) {
    return dir == NETMON_OUT ? packet->key.tuple.remote_addr : packet->key.tuple.local_addr;
}

/* `header`: the 20-byte fixed IPv4 header at `offset` (in the packet, or a copy of it);
 * `available`: frame bytes from there. */
static __always_inline enum parse_result decode_ipv4(const __u8* header, __u32 offset,
                                                     __u32 available, struct packet* packet,
                                                     int dir) {
    __u32 header_length = (header[0] & 0x0f) * 4;
    __u32 total = read_u16(&header[2]);
    if (total == 0) {
        total = available; /* segmentation offload: the frame says how long it is */
    }
    if (header[0] >> 4 != 4 || header_length < 20 || total < header_length || total > available) {
        return MALFORMED;
    }
    __u16 fragment = read_u16(&header[6]);
    packet->fragment = (fragment & 0x1fff)   ? LATER_FRAGMENT
                       : (fragment & 0x2000) ? FIRST_FRAGMENT
                                             : WHOLE;
    packet->fragment_id = read_u16(&header[4]);
    packet->key.tuple.family = NETMON_FAMILY_IPV4;
    packet->key.tuple.protocol = header[9];
    __builtin_memcpy(source_address(packet, dir), &header[12], 4);
    __builtin_memcpy(destination_address(packet, dir), &header[16], 4);
    packet->transport = offset + header_length;
    packet->transport_length = total - header_length;
    return PARSED;
}

/* The 40-byte fixed IPv6 header; `end` gets where the packet ends, relative to `offset`. */
static __always_inline enum parse_result decode_ipv6(const __u8* header, __u32 available,
                                                     struct packet* packet, __u32* end, int dir) {
    __u32 payload = read_u16(&header[4]);
    if (payload == 0 && available > 40) {
        payload = available - 40; /* jumbogram / BIG TCP */
    }
    *end = 40 + payload;
    if (header[0] >> 4 != 6 || *end > available) {
        return MALFORMED;
    }
    packet->key.tuple.family = NETMON_FAMILY_IPV6;
    packet->key.tuple.protocol = header[6];
    __builtin_memcpy(source_address(packet, dir), &header[8], 16);
    __builtin_memcpy(destination_address(packet, dir), &header[24], 16);
    return PARSED;
}

static __always_inline int is_ipv6_extension(__u8 next) {
    return next == 0 || next == 43 || next == 44 || next == 51 || next == 60;
}

/* `header`: TRANSPORT_BYTES from the transport header on (what lies past the packet is not
 * looked at). Ports for TCP and UDP; ICMP needs 4 bytes; other protocols have ports 0. */
static __always_inline enum parse_result decode_transport(const __u8* header, struct packet* packet,
                                                          int dir) {
    __u8 protocol = packet->key.tuple.protocol;
    __u32 length = packet->transport_length;
    if (protocol == 6) {
        __u32 data_offset = (header[12] >> 4) * 4;
        if (length < 20 || data_offset < 20 || data_offset > length) {
            return MALFORMED;
        }
    } else if (protocol == 17) {
        __u32 udp_length = read_u16(&header[4]);
        if (length < 8 ||
            (udp_length != 0 && (udp_length < 8 || (!packet->fragment && udp_length > length)))) {
            return MALFORMED;
        }
    } else {
        return (protocol == 1 || protocol == 58) && length < 4 ? MALFORMED : PARSED;
    }
    __u16 source = read_u16(&header[0]);
    __u16 destination = read_u16(&header[2]);
    packet->key.tuple.local_port = dir == NETMON_OUT ? source : destination;
    packet->key.tuple.remote_port = dir == NETMON_OUT ? destination : source;
    return PARSED;
}

/* The common frame at fixed offsets, decoded where it lies in the linear data. 0: not such a
 * frame (or not all in the linear part), take the general path. */
static __always_inline int parse_fast(struct __sk_buff* skb, __u32 link_header, int dir,
                                      struct packet* packet, enum parse_result* result) {
    __u8* frame = (__u8*)(long)skb->data;
    void* data_end = (void*)(long)skb->data_end;
    if ((void*)(frame + link_header + 20 + TRANSPORT_BYTES) > data_end) {
        return 0;
    }
    __u8* network = frame + link_header;
    __u8 version = network[0] >> 4;
    if (link_header && read_u16(&frame[12]) != (version == 4 ? ETHERTYPE_IPV4 : ETHERTYPE_IPV6)) {
        return 0;
    }
    __u8* transport;
    if (version == 4 && (network[0] & 0x0f) == 5) {
        transport = network + 20;
        *result = decode_ipv4(network, link_header, skb->len - link_header, packet, dir);
    } else if (version == 6) {
        if ((void*)(network + 40 + TRANSPORT_BYTES) > data_end || is_ipv6_extension(network[6])) {
            return 0;
        }
        __u32 end;
        transport = network + 40;
        *result = decode_ipv6(network, skb->len - link_header, packet, &end, dir);
        packet->transport = link_header + 40;
        packet->transport_length = end - 40;
    } else {
        return 0;
    }
    if (*result == PARSED && packet->fragment != LATER_FRAGMENT) {
        *result = decode_transport(transport, packet, dir);
    }
    return 1;
}

static __always_inline enum parse_result parse_ipv6_general(struct __sk_buff* skb, __u32 offset,
                                                            int dir, struct packet* packet) {
    __u8 header[40];
    __u32 end;
    if (bpf_skb_load_bytes(skb, offset, header, sizeof header) ||
        decode_ipv6(header, skb->len - offset, packet, &end, dir) != PARSED) {
        return MALFORMED;
    }
    __u8 next = header[6];
    __u32 position = 40;
    for (int count = 0; count <= MAX_IPV6_EXTENSIONS; count++) {
        if (!is_ipv6_extension(next) || packet->fragment == LATER_FRAGMENT) {
            break;
        }
        __u8 extension[8];
        __u32 needed = next == 44 ? 8 : 2;
        if (count == MAX_IPV6_EXTENSIONS || position + needed > end ||
            bpf_skb_load_bytes(skb, offset + position, extension, needed == 8 ? 8 : 2)) {
            return MALFORMED;
        }
        if (next == 44) {
            __u16 field = read_u16(&extension[2]);
            packet->fragment_id = ((__u32)read_u16(&extension[4]) << 16) | read_u16(&extension[6]);
            packet->fragment = (field >> 3) ? LATER_FRAGMENT : (field & 1) ? FIRST_FRAGMENT : WHOLE;
            position += 8;
        } else if (next == 51) {
            position += ((__u32)extension[1] + 2) * 4;
        } else {
            position += ((__u32)extension[1] + 1) * 8;
        }
        if (position > end) {
            return MALFORMED;
        }
        next = extension[0];
    }
    packet->key.tuple.protocol = next;
    packet->transport = offset + position;
    packet->transport_length = end - position;
    return PARSED;
}

/* Everything, through bpf_skb_load_bytes. A global (not inlined) function: the verifier checks
 * it once, for any arguments, instead of once per path that leads to it, which would multiply
 * its states past a million instructions. Returns an enum parse_result. */
__noinline int parse_general(struct __sk_buff* skb, __u32 link_header, int dir,
                             struct packet* packet) {
    if (!skb || !packet) {
        return MALFORMED;
    }
    __u32 offset = link_header;
    __u16 type;
    __u8 bytes[2];
    if (link_header) {
        if (bpf_skb_load_bytes(skb, 12, bytes, 2)) {
            return MALFORMED;
        }
        type = read_u16(bytes);
        if (type < ETHERTYPE_MIN) {
            return NON_IP;
        }
        for (int tags = 0; tags <= MAX_VLAN_TAGS; tags++) {
            if (type != 0x8100 && type != 0x88a8 && type != 0x9100) {
                break;
            }
            if (tags == MAX_VLAN_TAGS || bpf_skb_load_bytes(skb, offset + 2, bytes, 2)) {
                return MALFORMED;
            }
            type = read_u16(bytes);
            offset += 4;
        }
    } else {
        if (bpf_skb_load_bytes(skb, 0, bytes, 1)) {
            return MALFORMED;
        }
        type = bytes[0] >> 4 == 4 ? ETHERTYPE_IPV4 : bytes[0] >> 4 == 6 ? ETHERTYPE_IPV6 : 0;
        if (!type) {
            return MALFORMED;
        }
    }
    enum parse_result result;
    if (type == ETHERTYPE_IPV4) {
        __u8 header[20];
        result = bpf_skb_load_bytes(skb, offset, header, sizeof header)
                     ? MALFORMED
                     : decode_ipv4(header, offset, skb->len - offset, packet, dir);
    } else if (type == ETHERTYPE_IPV6) {
        result = parse_ipv6_general(skb, offset, dir, packet);
    } else {
        return NON_IP;
    }
    if (result != PARSED || packet->fragment == LATER_FRAGMENT) {
        return result;
    }
    /* min(transport length, TRANSPORT_BYTES): all inside the frame (the IP checks saw to it). */
    __u8 transport[TRANSPORT_BYTES] = {};
    __u32 length = packet->transport_length;
    int error = length >= TRANSPORT_BYTES
                    ? bpf_skb_load_bytes(skb, packet->transport, transport, TRANSPORT_BYTES)
                : length >= 8 ? bpf_skb_load_bytes(skb, packet->transport, transport, 8)
                : length >= 4 ? bpf_skb_load_bytes(skb, packet->transport, transport, 4)
                              : 0;
    if (error) {
        return MALFORMED;
    }
    return decode_transport(transport, packet, dir);
}
