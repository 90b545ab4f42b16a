// SPDX-License-Identifier: GPL-3.0-or-later
#include "capture/pcap/pcap_handle.h"

#include <array>

#include "capture/pcap/kernel_direction_filter.h"

namespace netmon::capture {

PcapHandle::PcapHandle(const PcapApi& api, pcap_t* handle)
    : m_api(&api), m_handle(handle, Closer{&api}) {}

Error pcapOpenError(const std::string& device, int status, const std::string& detail) {
    std::string message = "cannot capture on " + device + ": " + detail;
    switch (status) {
        case PCAP_ERROR_PERM_DENIED:
            return {message,
                    "capturing packets needs root or CAP_NET_RAW (e.g. `sudo setcap "
                    "cap_net_raw,cap_net_admin=eip <program>`), or use basic mode"};
        case PCAP_ERROR_NO_SUCH_DEVICE:
            return {message, "the interface does not exist (any more)"};
        case PCAP_ERROR_IFACE_NOT_UP:
            return {message, "bring the interface up first"};
        default:
            return {message, "check that the interface exists and libpcap works here"};
    }
}

Result<PcapHandle> PcapHandle::open(const PcapApi& api, const std::string& device,
                                    const PcapHandleOptions& options) {
    std::array<char, PCAP_ERRBUF_SIZE> errbuf{};
    pcap_t* raw = api.create(device.c_str(), errbuf.data());
    if (raw == nullptr) {
        return tl::unexpected(pcapOpenError(device, PCAP_ERROR, errbuf.data()));
    }
    PcapHandle handle(api, raw);
    api.set_snaplen(raw, options.snapshotLength);
    api.set_promisc(raw, 0);
    api.set_timeout(raw, options.timeoutMs);
    api.set_buffer_size(raw, options.bufferBytes);
    api.set_immediate_mode(raw, 0);
    if (const int status = api.activate(raw); status < 0) {
        // libpcap often puts the status text in the error buffer too: say it once.
        const std::string buffer = api.geterr(raw);
        const std::string statusText = api.statustostr(status);
        const std::string detail = status == PCAP_ERROR || buffer == statusText || buffer.empty()
                                       ? (buffer.empty() ? statusText : buffer)
                                       : statusText + ": " + buffer;
        return tl::unexpected(pcapOpenError(device, status, detail));
    }
    const bool in = options.direction == TrafficDirection::In;
    if (api.setdirection(raw, in ? PCAP_D_IN : PCAP_D_OUT) != 0) {
        return fail("cannot choose the capture direction on " + device + ": " + api.geterr(raw),
                    "this libpcap cannot tell sent from received frames");
    }
    if (options.kernelDirectionFilter) {
        handle.m_kernelFiltered =
            attachKernelDirectionFilter(api.get_selectable_fd(raw), options.direction,
                                        static_cast<std::uint32_t>(options.snapshotLength));
    }
    if (api.setnonblock(raw, 1, errbuf.data()) != 0) {
        return fail("cannot make the capture on " + device + " non-blocking: " + errbuf.data());
    }
    return handle;
}

int PcapHandle::dispatch(pcap_handler callback, u_char* user) {
    return m_api->dispatch(m_handle.get(), -1, callback, user);
}

std::string PcapHandle::lastError() const {
    return m_api->geterr(m_handle.get());
}

Result<std::uint64_t> PcapHandle::kernelDrops() {
    pcap_stat stats{};
    if (m_api->stats(m_handle.get(), &stats) != 0) {
        return fail(std::string("pcap_stats: ") + m_api->geterr(m_handle.get()));
    }
    const std::uint32_t count = stats.ps_drop + stats.ps_ifdrop;
    m_drops += static_cast<std::uint32_t>(count - m_lastDropCount);
    m_lastDropCount = count;
    return m_drops;
}

bool isLoopbackDevice(const PcapApi& api, const std::string& device) {
    std::array<char, PCAP_ERRBUF_SIZE> errbuf{};
    pcap_if_t* devices = nullptr;
    if (api.findalldevs(&devices, errbuf.data()) != 0) {
        return false;
    }
    bool loopback = false;
    for (const pcap_if_t* entry = devices; entry != nullptr; entry = entry->next) {
        if (entry->name != nullptr && device == entry->name) {
            loopback = (entry->flags & PCAP_IF_LOOPBACK) != 0;
        }
    }
    api.freealldevs(devices);
    return loopback;
}

int PcapHandle::selectableFd() const {
    return m_api->get_selectable_fd(m_handle.get());
}

int PcapHandle::datalink() const {
    return m_api->datalink(m_handle.get());
}

}  // namespace netmon::capture
