// SPDX-License-Identifier: GPL-3.0-or-later
// A stand-in for Npcap's wpcap.dll, built as a DLL for the tests only (Npcap itself cannot run
// under Wine): the libpcap entries netmon loads, answering with one adapter's worth of recorded
// frames, and recording what netmon asked (device names, filters) for the test to read back
// through fake_* entries. Declares its own types: pcap.h would mark these entries dllimport.
#include <cstdint>
#include <cstring>
#include <mutex>
#include <string>
#include <vector>

#include "platform/windows/windows_api.h"

namespace {

struct FakeHandle {
    std::string device;
    std::string filter;
    HANDLE event = nullptr;
    bool delivered = false;
    char errbuf[257] = {};
};

struct PacketHeader {  // struct pcap_pkthdr on Windows
    timeval ts;
    std::uint32_t caplen;
    std::uint32_t len;
};

struct PcapStat {
    unsigned int ps_recv;
    unsigned int ps_drop;
    unsigned int ps_ifdrop;
};

struct PcapIf {
    PcapIf* next;
    char* name;
    char* description;
    void* addresses;
    std::uint32_t flags;
};

struct BpfProgram {
    unsigned int bf_len;
    void* bf_insns;
};

using Handler = void (*)(unsigned char*, const PacketHeader*, const unsigned char*);

std::mutex g_mutex;
std::vector<std::string> g_devices;  // as netmon opened them
std::vector<std::string> g_filters;
std::vector<std::vector<unsigned char>> g_frames;  // what each handle delivers once
int g_open = 0;

char g_loopbackName[] = "\\Device\\NPF_Loopback";
char g_loopbackDescription[] = "Adapter for loopback traffic capture";
PcapIf g_loopback{nullptr, g_loopbackName, g_loopbackDescription, nullptr, 1};

}  // namespace

extern "C" {

// ---- what the test reads back and sets up ----
__declspec(dllexport) int fake_open_handles() {
    const std::lock_guard lock(g_mutex);
    return g_open;
}
__declspec(dllexport) const char* fake_device(int i) {
    const std::lock_guard lock(g_mutex);
    return i < static_cast<int>(g_devices.size()) ? g_devices[static_cast<std::size_t>(i)].c_str()
                                                  : nullptr;
}
__declspec(dllexport) const char* fake_filter(int i) {
    const std::lock_guard lock(g_mutex);
    return i < static_cast<int>(g_filters.size()) ? g_filters[static_cast<std::size_t>(i)].c_str()
                                                  : nullptr;
}
__declspec(dllexport) void fake_add_frame(const unsigned char* bytes, int length) {
    const std::lock_guard lock(g_mutex);
    g_frames.emplace_back(bytes, bytes + length);
}

// ---- libpcap's entries ----
__declspec(dllexport) void* pcap_create(const char* device, char* errbuf) {
    (void)errbuf;
    auto* handle = new FakeHandle;
    handle->device = device;
    handle->event = ::CreateEventW(nullptr, TRUE, TRUE, nullptr);  // always "ready"
    const std::lock_guard lock(g_mutex);
    g_devices.push_back(device);
    ++g_open;
    return handle;
}
__declspec(dllexport) int pcap_set_snaplen(void*, int) {
    return 0;
}
__declspec(dllexport) int pcap_set_promisc(void*, int) {
    return 0;
}
__declspec(dllexport) int pcap_set_timeout(void*, int) {
    return 0;
}
__declspec(dllexport) int pcap_set_buffer_size(void*, int) {
    return 0;
}
__declspec(dllexport) int pcap_set_immediate_mode(void*, int) {
    return 0;
}
__declspec(dllexport) int pcap_activate(void*) {
    return 0;
}
__declspec(dllexport) int pcap_setnonblock(void*, int, char*) {
    return 0;
}
__declspec(dllexport) int pcap_datalink(void*) {
    return 1;
}  // DLT_EN10MB
__declspec(dllexport) char* pcap_geterr(void* p) {
    return static_cast<FakeHandle*>(p)->errbuf;
}
__declspec(dllexport) const char* pcap_statustostr(int) {
    return "fake status";
}
__declspec(dllexport) const char* pcap_lib_version() {
    return "fake Npcap for tests";
}
__declspec(dllexport) int pcap_stats(void*, PcapStat* stats) {
    *stats = PcapStat{0, 0, 0};
    return 0;
}
__declspec(dllexport) void* pcap_getevent(void* p) {
    return static_cast<FakeHandle*>(p)->event;
}
__declspec(dllexport) int pcap_compile(void* p, BpfProgram* program, const char* text, int,
                                       unsigned int) {
    static_cast<FakeHandle*>(p)->filter = text;
    *program = BpfProgram{0, nullptr};
    return 0;
}
__declspec(dllexport) int pcap_setfilter(void* p, BpfProgram*) {
    const std::lock_guard lock(g_mutex);
    g_filters.push_back(static_cast<FakeHandle*>(p)->filter);
    return 0;
}
__declspec(dllexport) void pcap_freecode(BpfProgram*) {}
__declspec(dllexport) int pcap_findalldevs(PcapIf** devices, char*) {
    *devices = &g_loopback;
    return 0;
}
__declspec(dllexport) void pcap_freealldevs(PcapIf*) {}
// Every frame once per handle, both directions alike: the handle's direction is netmon's job.
__declspec(dllexport) int pcap_dispatch(void* p, int, Handler callback, unsigned char* user) {
    auto* handle = static_cast<FakeHandle*>(p);
    std::vector<std::vector<unsigned char>> frames;
    {
        const std::lock_guard lock(g_mutex);
        if (handle->delivered) {
            ::ResetEvent(handle->event);
            return 0;
        }
        handle->delivered = true;
        frames = g_frames;
    }
    for (const auto& frame : frames) {
        const PacketHeader header{{0, 0},
                                  static_cast<std::uint32_t>(frame.size()),
                                  static_cast<std::uint32_t>(frame.size())};
        callback(user, &header, frame.data());
    }
    return static_cast<int>(frames.size());
}
__declspec(dllexport) void pcap_close(void* p) {
    auto* handle = static_cast<FakeHandle*>(p);
    ::CloseHandle(handle->event);
    delete handle;
    const std::lock_guard lock(g_mutex);
    --g_open;
}

}  // extern "C"
