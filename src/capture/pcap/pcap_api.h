// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pcap/pcap.h>

namespace netmon::capture {

// The libpcap calls the engine makes, as function pointers: on Linux they are the linked
// libpcap's; the Windows port fills them from wpcap.dll (Npcap) with GetProcAddress at run time,
// so nothing needs Npcap at link time. Same names and signatures as libpcap's.
struct PcapApi {
    pcap_t* (*create)(const char* device, char* errbuf);
    int (*set_snaplen)(pcap_t*, int);
    int (*set_promisc)(pcap_t*, int);
    int (*set_timeout)(pcap_t*, int);
    int (*set_buffer_size)(pcap_t*, int);
    int (*set_immediate_mode)(pcap_t*, int);
    int (*activate)(pcap_t*);
    int (*setdirection)(pcap_t*, pcap_direction_t);
    int (*setnonblock)(pcap_t*, int, char*);
    int (*get_selectable_fd)(pcap_t*);
    int (*dispatch)(pcap_t*, int, pcap_handler, u_char*);
    int (*stats)(pcap_t*, pcap_stat*);
    int (*datalink)(pcap_t*);
    char* (*geterr)(pcap_t*);
    const char* (*statustostr)(int);
    void (*close)(pcap_t*);
    const char* (*lib_version)();
    int (*findalldevs)(pcap_if_t**, char*);
    void (*freealldevs)(pcap_if_t*);
};

// The libpcap this program was linked with.
const PcapApi& linkedPcapApi();

}  // namespace netmon::capture
