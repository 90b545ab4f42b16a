// SPDX-License-Identifier: GPL-3.0-or-later
#include "capture/pcap/pcap_api.h"

namespace netmon::capture {

const PcapApi& linkedPcapApi() {
    static const PcapApi api{
        .create = pcap_create,
        .set_snaplen = pcap_set_snaplen,
        .set_promisc = pcap_set_promisc,
        .set_timeout = pcap_set_timeout,
        .set_buffer_size = pcap_set_buffer_size,
        .set_immediate_mode = pcap_set_immediate_mode,
        .activate = pcap_activate,
        .setdirection = pcap_setdirection,
        .setnonblock = pcap_setnonblock,
        .get_selectable_fd = pcap_get_selectable_fd,
        .dispatch = pcap_dispatch,
        .stats = pcap_stats,
        .datalink = pcap_datalink,
        .geterr = pcap_geterr,
        .statustostr = pcap_statustostr,
        .close = pcap_close,
        .lib_version = pcap_lib_version,
        .findalldevs = pcap_findalldevs,
        .freealldevs = pcap_freealldevs,
    };
    return api;
}

}  // namespace netmon::capture
