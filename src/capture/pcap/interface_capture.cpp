// SPDX-License-Identifier: GPL-3.0-or-later
#include "capture/pcap/interface_capture.h"

#include <array>
#include <chrono>

namespace netmon::capture {
namespace {

using namespace std::chrono_literals;

constexpr std::size_t kBatch = 1024;  // frames parsed before the table lock is taken
constexpr auto kIdleWake = 200ms;     // the longest sleep: stop and stats checks
constexpr auto kStatsInterval = 200ms;

}  // namespace

Result<std::unique_ptr<InterfaceCapture>> InterfaceCapture::start(const PcapApi& api,
                                                                  const std::string& name,
                                                                  std::size_t slot,
                                                                  const PcapCaptureOptions& options,
                                                                  GuardedFlowTable& table) {
    const bool loopback = isLoopbackDevice(api, name);
    PcapHandleOptions handleOptions{.snapshotLength = options.snapshotLength,
                                    .bufferBytes = options.bufferBytes,
                                    .timeoutMs = options.timeoutMs,
                                    .direction = TrafficDirection::In,
                                    .kernelDirectionFilter = options.kernelDirectionFilter};
    auto in = PcapHandle::open(api, name, handleOptions);
    if (!in) {
        return tl::unexpected(in.error());
    }
    std::optional<PcapHandle> out;
    if (!loopback) {
        handleOptions.direction = TrafficDirection::Out;
        auto opened = PcapHandle::open(api, name, handleOptions);
        if (!opened) {
            return tl::unexpected(opened.error());
        }
        out.emplace(std::move(*opened));
    }
    auto wait = ReadinessWait::create();
    if (!wait) {
        return tl::unexpected(wait.error());
    }
    const LinkType linkType = linkTypeFromDlt(in->datalink());
    std::unique_ptr<InterfaceCapture> capture(
        new InterfaceCapture(name, slot, linkType, loopback, std::move(*wait), table));
    capture->m_sides.push_back(
        std::make_unique<Side>(Side{std::move(*in), TrafficDirection::In, capture.get()}));
    if (out) {
        capture->m_sides.push_back(
            std::make_unique<Side>(Side{std::move(*out), TrafficDirection::Out, capture.get()}));
    }
    capture->m_thread =
        std::jthread([raw = capture.get()](std::stop_token stop) { raw->run(stop); });
    return capture;
}

InterfaceCapture::InterfaceCapture(std::string name, std::size_t slot, LinkType linkType,
                                   bool loopback, ReadinessWait wait, GuardedFlowTable& table)
    : m_name(std::move(name)),
      m_slot(slot),
      m_loopback(loopback),
      m_parser(linkType),
      m_wait(std::move(wait)),
      m_table(table) {
    m_batch.reserve(kBatch);
}

InterfaceCapture::~InterfaceCapture() {
    if (m_thread.joinable()) {
        m_thread.request_stop();
        m_wait.wake();
        m_thread.join();
    }
}

std::optional<std::string> InterfaceCapture::endedBecause() const {
    const std::lock_guard lock(m_endMutex);
    return m_endedBecause;
}

void InterfaceCapture::run(const std::stop_token& stop) {
    std::array<int, 2> fds{-1, -1};
    for (std::size_t i = 0; i < m_sides.size(); ++i) {
        fds[i] = m_sides[i]->handle.selectableFd();
    }
    auto lastStats = std::chrono::steady_clock::now();
    while (!stop.stop_requested()) {
        m_wait.wait(fds, kIdleWake);
        if (!drain()) {
            return;
        }
        if (const auto now = std::chrono::steady_clock::now(); now - lastStats >= kStatsInterval) {
            refreshDrops();
            lastStats = now;
        }
    }
    drain();  // what the kernel handed over before the stop
    refreshDrops();
}

// Reads every frame the rings hold; false when a handle failed (the interface went away).
bool InterfaceCapture::drain() {
    for (const auto& side : m_sides) {
        if (side->handle.dispatch(&InterfaceCapture::onFrame,
                                  reinterpret_cast<u_char*>(side.get())) < 0) {
            flush();
            refreshDrops();
            const std::lock_guard lock(m_endMutex);
            m_endedBecause = "capture on " + m_name + " ended: " + side->handle.lastError();
            return false;
        }
    }
    flush();
    return true;
}

void InterfaceCapture::onFrame(u_char* user, const pcap_pkthdr* header, const u_char* bytes) {
    Side& side = *reinterpret_cast<Side*>(user);
    InterfaceCapture& self = *side.owner;
    const ParsedPacket packet = self.m_parser.parse(Bytes(bytes, header->caplen), header->len);
    self.m_batch.push_back({packet, side.direction});
    if (self.m_batch.size() >= kBatch) {
        self.flush();
    }
}

void InterfaceCapture::flush() {
    if (m_batch.empty()) {
        return;
    }
    {
        const std::lock_guard lock(m_table.mutex);
        for (const Pending& pending : m_batch) {
            m_table.table.countPacket(m_slot, pending.packet, pending.direction);
            if (m_loopback) {
                m_table.table.countPacket(m_slot, pending.packet, TrafficDirection::Out);
            }
        }
    }
    m_batch.clear();
}

void InterfaceCapture::refreshDrops() {
    std::uint64_t drops = 0;
    for (const auto& side : m_sides) {
        if (const auto sideDrops = side->handle.kernelDrops()) {
            drops += *sideDrops;
        }
    }
    m_kernelDrops = std::max(m_kernelDrops.load(), drops);
}

}  // namespace netmon::capture
