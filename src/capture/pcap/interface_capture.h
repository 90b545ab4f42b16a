// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "capture/flow_table.h"
#include "capture/packet_parser.h"
#include "capture/pcap/pcap_capture_engine.h"
#include "capture/pcap/pcap_handle.h"
#include "capture/pcap/readiness_wait.h"
#include "core/result.h"

namespace netmon::capture {

// The engine's one flow table, shared by the capture threads.
struct GuardedFlowTable {
    explicit GuardedFlowTable(std::size_t capacity) : table(capacity) {}
    std::mutex mutex;
    FlowTable table;
};

// One interface's capture: a thread that waits on two pcap handles (frames received, frames
// sent), parses each frame and counts it in the shared table in batches. When the interface
// vanishes the thread ends by itself and says why. Stopped and joined on destruction.
class InterfaceCapture {
public:
    static Result<std::unique_ptr<InterfaceCapture>> start(const PcapApi& api,
                                                           const std::string& name,
                                                           std::size_t slot,
                                                           const PcapCaptureOptions& options,
                                                           GuardedFlowTable& table);
    ~InterfaceCapture();
    InterfaceCapture(const InterfaceCapture&) = delete;
    InterfaceCapture& operator=(const InterfaceCapture&) = delete;

    [[nodiscard]] const std::string& name() const { return m_name; }
    [[nodiscard]] std::size_t slot() const { return m_slot; }
    // Frames the kernel dropped on both handles, as of the thread's last look (≤ 200 ms ago).
    [[nodiscard]] std::uint64_t kernelDrops() const { return m_kernelDrops.load(); }
    // Why the capture ended on its own (e.g. the interface was deleted); nothing while it runs.
    [[nodiscard]] std::optional<std::string> endedBecause() const;

private:
    struct Side {
        PcapHandle handle;
        TrafficDirection direction;
        InterfaceCapture* owner;
    };
    struct Pending {
        ParsedPacket packet;
        TrafficDirection direction;
    };

    InterfaceCapture(std::string name, std::size_t slot, LinkType linkType, bool loopback,
                     ReadinessWait wait, GuardedFlowTable& table);
    static void onFrame(u_char* user, const pcap_pkthdr* header, const u_char* bytes);
    void run(const std::stop_token& stop);
    bool drain();
    void flush();
    void refreshDrops();

    std::string m_name;
    std::size_t m_slot;
    bool m_loopback;  // only received frames are seen: each counts as sent too
    PacketParser m_parser;
    ReadinessWait m_wait;
    GuardedFlowTable& m_table;
    std::vector<std::unique_ptr<Side>> m_sides;
    std::vector<Pending> m_batch;
    std::atomic<std::uint64_t> m_kernelDrops{0};
    mutable std::mutex m_endMutex;
    std::optional<std::string> m_endedBecause;
    std::jthread m_thread;  // last: started when everything above exists
};

}  // namespace netmon::capture
