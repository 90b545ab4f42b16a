// SPDX-License-Identifier: GPL-3.0-or-later
#include "capture/pcap/npcap_api_windows.h"

#include <cstdio>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "capture/pcap/npcap_direction.h"
#include "platform/windows/capture_device.h"
#include "platform/windows/npcap_location.h"
#include "platform/windows/wide_text.h"
#include "platform/windows/windows_error.h"
#include "platform/windows/windows_handles.h"

namespace netmon::capture {
namespace {

using windows_platform::procAddress;

// The entries of wpcap.dll the engine and the adapters below call.
struct NpcapFunctions {
    PcapApi direct{};  // passed through as they are (create, setdirection, … replaced below)
    int (*compile)(pcap_t*, bpf_program*, const char*, int, bpf_u_int32) = nullptr;
    int (*setfilter)(pcap_t*, bpf_program*) = nullptr;
    void (*freecode)(bpf_program*) = nullptr;
    HANDLE (*getevent)(pcap_t*) = nullptr;
    int (*init)(unsigned int, char*) = nullptr;  // optional: Npcap 1.20+
};

struct HandleState {
    std::optional<MacAddress> mac;
    std::optional<TrafficDirection> direction;
};

std::mutex g_mutex;
NpcapFunctions g_npcap;
std::unordered_map<pcap_t*, HandleState> g_handles;  // guarded by g_mutex
std::string g_loadError;                             // why linkedPcapApi() could not load Npcap

void copyError(char* buffer, const std::string& text) {
    std::snprintf(buffer, PCAP_ERRBUF_SIZE, "%s", text.c_str());
}

std::optional<HandleState> stateOf(pcap_t* handle) {
    const std::lock_guard lock(g_mutex);
    const auto found = g_handles.find(handle);
    return found == g_handles.end() ? std::nullopt : std::optional<HandleState>(found->second);
}

// Npcap's loopback adapter where it was installed with it, else the first device: what the
// engine's permission probe opens when it asks for "lo".
std::string loopbackDevice() {
    std::string chosen = "\\Device\\NPF_Loopback";
    char errbuf[PCAP_ERRBUF_SIZE] = {};
    pcap_if_t* devices = nullptr;
    if (g_npcap.direct.findalldevs(&devices, errbuf) != 0 || devices == nullptr) {
        return chosen;
    }
    bool listed = false;
    for (const pcap_if_t* device = devices; device != nullptr; device = device->next) {
        listed = listed || (device->name != nullptr && chosen == device->name);
    }
    if (!listed && devices->name != nullptr) {
        chosen = devices->name;
    }
    g_npcap.direct.freealldevs(devices);
    return chosen;
}

pcap_t* createAdapted(const char* device, char* errbuf) {
    const std::string name = std::string(device) == "lo" ? loopbackDevice() : device;
    auto resolved = windows_platform::captureDeviceFor(name);
    if (!resolved) {
        copyError(errbuf, resolved.error().describe());
        return nullptr;
    }
    pcap_t* handle = g_npcap.direct.create(resolved->npcapName.c_str(), errbuf);
    if (handle != nullptr) {
        const std::lock_guard lock(g_mutex);
        g_handles[handle] = HandleState{resolved->mac, std::nullopt};
    }
    return handle;
}

int setDirectionAdapted(pcap_t* handle, pcap_direction_t direction) {
    if (direction == PCAP_D_INOUT) {
        return 0;
    }
    const TrafficDirection wanted =
        direction == PCAP_D_OUT ? TrafficDirection::Out : TrafficDirection::In;
    const auto state = stateOf(handle);
    if (!state || !state->mac) {
        if (wanted == TrafficDirection::In) {
            return 0;  // no MAC to tell by: every frame is the received side's
        }
        copyError(g_npcap.direct.geterr(handle),
                  "Npcap cannot tell sent from received frames on an adapter without a MAC "
                  "address");
        return -1;
    }
    bpf_program program{};
    const std::string filter = directionFilter(wanted, *state->mac);
    if (g_npcap.compile(handle, &program, filter.c_str(), 1, PCAP_NETMASK_UNKNOWN) != 0) {
        return -1;  // pcap_geterr says why
    }
    const int status = g_npcap.setfilter(handle, &program);
    g_npcap.freecode(&program);
    if (status != 0) {
        return -1;
    }
    const std::lock_guard lock(g_mutex);
    g_handles[handle].direction = wanted;
    return 0;
}

struct Forward {
    pcap_handler callback;
    u_char* user;
    MacAddress mac;
    TrafficDirection direction;
};

void forwardIfOurs(u_char* user, const pcap_pkthdr* header, const u_char* bytes) {
    const Forward& forward = *reinterpret_cast<const Forward*>(user);
    if (frameDirection(std::span<const std::uint8_t>(bytes, header->caplen), forward.mac) ==
        forward.direction) {
        forward.callback(forward.user, header, bytes);
    }
}

int dispatchAdapted(pcap_t* handle, int count, pcap_handler callback, u_char* user) {
    const auto state = stateOf(handle);
    if (!state || !state->mac || !state->direction) {
        return g_npcap.direct.dispatch(handle, count, callback, user);
    }
    Forward forward{callback, user, *state->mac, *state->direction};
    return g_npcap.direct.dispatch(handle, count, &forwardIfOurs,
                                   reinterpret_cast<u_char*>(&forward));
}

int selectableEvent(pcap_t* handle) {
    return ::HandleToLong(g_npcap.getevent(handle));
}

void closeAdapted(pcap_t* handle) {
    {
        const std::lock_guard lock(g_mutex);
        g_handles.erase(handle);
    }
    g_npcap.direct.close(handle);
}

// Where Npcap could not be loaded: every call fails, saying why.
const PcapApi& unavailableApi() {
    static const PcapApi api{
        .create = [](const char*, char* errbuf) -> pcap_t* {
            copyError(errbuf, g_loadError);
            return nullptr;
        },
        .set_snaplen = [](pcap_t*, int) { return -1; },
        .set_promisc = [](pcap_t*, int) { return -1; },
        .set_timeout = [](pcap_t*, int) { return -1; },
        .set_buffer_size = [](pcap_t*, int) { return -1; },
        .set_immediate_mode = [](pcap_t*, int) { return -1; },
        .activate = [](pcap_t*) { return -1; },
        .setdirection = [](pcap_t*, pcap_direction_t) { return -1; },
        .setnonblock = [](pcap_t*, int, char*) { return -1; },
        .get_selectable_fd = [](pcap_t*) { return -1; },
        .dispatch = [](pcap_t*, int, pcap_handler, u_char*) { return -1; },
        .stats = [](pcap_t*, pcap_stat*) { return -1; },
        .datalink = [](pcap_t*) { return -1; },
        .geterr = [](pcap_t*) { return g_loadError.data(); },
        .statustostr = [](int) { return g_loadError.c_str(); },
        .close = [](pcap_t*) {},
        .lib_version = []() { return "Npcap is not loaded"; },
        .findalldevs =
            [](pcap_if_t**, char* errbuf) {
                copyError(errbuf, g_loadError);
                return -1;
            },
        .freealldevs = [](pcap_if_t*) {},
    };
    return api;
}

template <typename Function>
bool resolve(HMODULE module, const char* name, Function& into, std::string& missing) {
    into = procAddress<Function>(module, name);
    if (into == nullptr) {
        missing += (missing.empty() ? "" : ", ") + std::string(name);
    }
    return into != nullptr;
}

}  // namespace

Result<const PcapApi*> loadNpcapApi(const std::filesystem::path& directory) {
    static std::optional<std::filesystem::path> loadedFrom;
    static windows_platform::UniqueModule packet;
    static windows_platform::UniqueModule wpcap;
    static PcapApi api{};

    const std::lock_guard lock(g_mutex);
    const std::string where = windows_platform::toUtf8(directory.native());
    if (loadedFrom) {
        if (*loadedFrom == directory) {
            return &api;
        }
        return fail("Npcap is already loaded from " +
                    windows_platform::toUtf8(loadedFrom->native()));
    }
    if (!windows_platform::npcapInstalled(directory)) {
        return fail("Npcap is not installed (" + where + " has no wpcap.dll and Packet.dll)",
                    windows_platform::kNpcapDownloadHint);
    }
    // Full paths; Packet.dll first, and wpcap.dll's own imports searched in its folder and in
    // System32 only (not the working directory or PATH), without changing the process-wide
    // DLL search path as SetDllDirectoryW would.
    constexpr DWORD kSearch = LOAD_LIBRARY_SEARCH_DLL_LOAD_DIR | LOAD_LIBRARY_SEARCH_SYSTEM32;
    windows_platform::UniqueModule packetModule(
        ::LoadLibraryExW((directory / L"Packet.dll").c_str(), nullptr, kSearch));
    if (!packetModule) {
        return fail(
            "cannot load " + where + "\\Packet.dll: " + windows_platform::lastWindowsError(),
            "reinstall Npcap from https://npcap.com/#download");
    }
    windows_platform::UniqueModule wpcapModule(
        ::LoadLibraryExW((directory / L"wpcap.dll").c_str(), nullptr, kSearch));
    if (!wpcapModule) {
        return fail("cannot load " + where + "\\wpcap.dll: " + windows_platform::lastWindowsError(),
                    "reinstall Npcap from https://npcap.com/#download");
    }
    HMODULE module = wpcapModule.get();
    NpcapFunctions functions;
    PcapApi& direct = functions.direct;
    std::string missing;
    resolve(module, "pcap_create", direct.create, missing);
    resolve(module, "pcap_set_snaplen", direct.set_snaplen, missing);
    resolve(module, "pcap_set_promisc", direct.set_promisc, missing);
    resolve(module, "pcap_set_timeout", direct.set_timeout, missing);
    resolve(module, "pcap_set_buffer_size", direct.set_buffer_size, missing);
    resolve(module, "pcap_set_immediate_mode", direct.set_immediate_mode, missing);
    resolve(module, "pcap_activate", direct.activate, missing);
    resolve(module, "pcap_setnonblock", direct.setnonblock, missing);
    resolve(module, "pcap_dispatch", direct.dispatch, missing);
    resolve(module, "pcap_stats", direct.stats, missing);
    resolve(module, "pcap_datalink", direct.datalink, missing);
    resolve(module, "pcap_geterr", direct.geterr, missing);
    resolve(module, "pcap_statustostr", direct.statustostr, missing);
    resolve(module, "pcap_close", direct.close, missing);
    resolve(module, "pcap_lib_version", direct.lib_version, missing);
    resolve(module, "pcap_findalldevs", direct.findalldevs, missing);
    resolve(module, "pcap_freealldevs", direct.freealldevs, missing);
    resolve(module, "pcap_compile", functions.compile, missing);
    resolve(module, "pcap_setfilter", functions.setfilter, missing);
    resolve(module, "pcap_freecode", functions.freecode, missing);
    resolve(module, "pcap_getevent", functions.getevent, missing);
    if (!missing.empty()) {
        return fail(where + "\\wpcap.dll lacks " + missing + ": it is not Npcap's, or too old",
                    "reinstall Npcap from https://npcap.com/#download");
    }
    functions.init = procAddress<decltype(functions.init)>(module, "pcap_init");
    if (functions.init != nullptr) {
        char errbuf[PCAP_ERRBUF_SIZE] = {};
        functions.init(PCAP_CHAR_ENC_UTF_8, errbuf);  // error texts in UTF-8, like ours
    }
    g_npcap = functions;
    api = functions.direct;
    api.create = &createAdapted;
    api.setdirection = &setDirectionAdapted;
    api.dispatch = &dispatchAdapted;
    api.get_selectable_fd = &selectableEvent;
    api.close = &closeAdapted;
    packet = std::move(packetModule);
    wpcap = std::move(wpcapModule);
    loadedFrom = directory;
    return &api;
}

const PcapApi& linkedPcapApi() {
    static const PcapApi* const api = [] {
        auto loaded = loadNpcapApi(windows_platform::npcapDirectory());
        if (loaded) {
            return *loaded;
        }
        g_loadError = loaded.error().describe();
        return &unavailableApi();
    }();
    return *api;
}

}  // namespace netmon::capture
