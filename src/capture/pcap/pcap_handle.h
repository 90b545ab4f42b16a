// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "capture/flow_table.h"
#include "capture/pcap/pcap_api.h"
#include "core/result.h"

namespace netmon::capture {

struct PcapHandleOptions {
    int snapshotLength = 256;           // headers only: the parser needs no payload
    int bufferBytes = 4 * 1024 * 1024;  // the kernel ring, per handle
    int timeoutMs = 100;                // a partly filled ring block is delivered after this
    // Which frames this handle sees, by the kernel's packet type (PACKET_OUTGOING or not).
    TrafficDirection direction = TrafficDirection::In;
    // Also drop the other direction in the kernel with a BPF filter on the packet type, which
    // also cuts frames to the snapshot length there; otherwise the kernel copies every frame
    // whole into both rings and libpcap drops the wrong direction in user space.
    bool kernelDirectionFilter = true;
};

// One activated, non-blocking pcap_t, closed on destruction. Not promiscuous: the interface's
// own counters do not count frames its filter refuses, and neither do we.
class PcapHandle {
public:
    static Result<PcapHandle> open(const PcapApi& api, const std::string& device,
                                   const PcapHandleOptions& options);

    // Hands every frame in the ring to `callback`; the count, or a negative libpcap status.
    int dispatch(pcap_handler callback, u_char* user);
    [[nodiscard]] std::string lastError() const;
    // Frames the kernel dropped since the handle opened (ps_drop + ps_ifdrop).
    Result<std::uint64_t> kernelDrops();
    [[nodiscard]] int selectableFd() const;
    [[nodiscard]] int datalink() const;
    [[nodiscard]] bool kernelFiltered() const { return m_kernelFiltered; }

private:
    struct Closer {
        const PcapApi* api = nullptr;
        void operator()(pcap_t* handle) const { api->close(handle); }
    };
    PcapHandle(const PcapApi& api, pcap_t* handle);

    const PcapApi* m_api;
    std::unique_ptr<pcap_t, Closer> m_handle;
    bool m_kernelFiltered = false;
    std::uint32_t m_lastDropCount = 0;  // libpcap's counters are 32-bit and wrap
    std::uint64_t m_drops = 0;
};

// Whether libpcap lists `device` as a loopback interface (on Linux, libpcap hides a loopback's
// outgoing copy of each frame, since the same frame comes back in).
bool isLoopbackDevice(const PcapApi& api, const std::string& device);

// "what failed: libpcap's words — what to do", for an activation status.
Error pcapOpenError(const std::string& device, int status, const std::string& detail);

}  // namespace netmon::capture
