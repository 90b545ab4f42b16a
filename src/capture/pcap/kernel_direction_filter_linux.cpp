// SPDX-License-Identifier: GPL-3.0-or-later
#include <linux/filter.h>
#include <linux/if_packet.h>
#include <sys/socket.h>

#include <array>

#include "capture/pcap/kernel_direction_filter.h"

namespace netmon::capture {

bool attachKernelDirectionFilter(int packetSocket, TrafficDirection direction,
                                 std::uint32_t snapLength) {
    const bool in = direction == TrafficDirection::In;
    // A = packet type; outgoing → first return, otherwise → second.
    std::array<sock_filter, 4> program{{
        BPF_STMT(BPF_LD | BPF_B | BPF_ABS, static_cast<std::uint32_t>(SKF_AD_OFF) + SKF_AD_PKTTYPE),
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, PACKET_OUTGOING, 0, 1),
        BPF_STMT(BPF_RET | BPF_K, in ? 0 : snapLength),
        BPF_STMT(BPF_RET | BPF_K, in ? snapLength : 0),
    }};
    const sock_fprog filter{static_cast<unsigned short>(program.size()), program.data()};
    return ::setsockopt(packetSocket, SOL_SOCKET, SO_ATTACH_FILTER, &filter, sizeof filter) == 0;
}

}  // namespace netmon::capture
