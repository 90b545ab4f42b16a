// SPDX-License-Identifier: GPL-3.0-or-later
#include "capture/pcap/pcap_capture_engine.h"

#include <algorithm>
#include <map>
#include <mutex>

#include "capture/pcap/interface_capture.h"
#include "capture/pcap/pcap_api.h"
#include "capture/pcap/pcap_handle.h"

namespace netmon::capture {
namespace {

class PcapCaptureEngine final : public CaptureEngine {
public:
    PcapCaptureEngine(const PcapApi& api, const PcapCaptureOptions& options)
        : m_api(api), m_options(options), m_table(options.flowCapacity) {}
    ~PcapCaptureEngine() override { m_captures.clear(); }  // join the threads before the table
    PcapCaptureEngine(const PcapCaptureEngine&) = delete;
    PcapCaptureEngine& operator=(const PcapCaptureEngine&) = delete;

    Result<void> setInterfaces(const std::vector<std::string>& names) override;
    Result<CaptureReading> read() override;
    [[nodiscard]] std::string_view name() const override { return "libpcap"; }

private:
    std::size_t slotOf(const std::string& name);
    void retire(const std::string& name);

    const PcapApi& m_api;
    PcapCaptureOptions m_options;
    std::mutex m_mutex;  // setInterfaces and read may come from different threads
    GuardedFlowTable m_table;
    std::map<std::string, std::size_t> m_slots;           // kept across re-adds: counters only grow
    std::map<std::string, std::uint64_t> m_earlierDrops;  // of captures of that name that ended
    std::vector<std::string> m_pendingWarnings;
    std::map<std::string, std::unique_ptr<InterfaceCapture>> m_captures;
};

std::size_t PcapCaptureEngine::slotOf(const std::string& name) {
    return m_slots.try_emplace(name, m_slots.size()).first->second;
}

void PcapCaptureEngine::retire(const std::string& name) {
    const auto found = m_captures.find(name);
    if (found != m_captures.end()) {
        std::unique_ptr<InterfaceCapture> capture = std::move(found->second);
        m_captures.erase(found);
        capture.reset();  // stops and joins; its last drop count is final now
    }
}

Result<void> PcapCaptureEngine::setInterfaces(const std::vector<std::string>& names) {
    const std::lock_guard lock(m_mutex);
    std::vector<std::string> gone;
    for (const auto& [name, capture] : m_captures) {
        if (std::find(names.begin(), names.end(), name) == names.end()) {
            gone.push_back(name);
        }
    }
    for (const std::string& name : gone) {
        m_earlierDrops[name] += m_captures.at(name)->kernelDrops();
        retire(name);
    }
    std::optional<Error> firstFailure;
    std::size_t running = 0;
    for (const std::string& name : names) {
        if (m_captures.contains(name)) {
            ++running;
            continue;
        }
        auto started = InterfaceCapture::start(m_api, name, slotOf(name), m_options, m_table);
        if (started) {
            m_captures.emplace(name, std::move(*started));
            ++running;
        } else {
            m_pendingWarnings.push_back(started.error().describe());
            if (!firstFailure) {
                firstFailure = started.error();
            }
        }
    }
    if (firstFailure && running == 0) {
        m_pendingWarnings.clear();
        return tl::unexpected(*firstFailure);
    }
    return {};
}

Result<CaptureReading> PcapCaptureEngine::read() {
    const std::lock_guard lock(m_mutex);
    CaptureReading reading;
    reading.warnings = std::move(m_pendingWarnings);
    m_pendingWarnings.clear();
    std::vector<std::string> ended;
    for (const auto& [name, capture] : m_captures) {
        if (auto reason = capture->endedBecause()) {
            reading.warnings.push_back(*reason);
            ended.push_back(name);
        }
    }
    {
        const std::lock_guard tableLock(m_table.mutex);
        reading.flows = m_table.table.flows();
        for (const auto& [name, capture] : m_captures) {
            CaptureInterfaceStats stats;
            stats.interfaceName = name;
            stats.other = m_table.table.other(capture->slot());
            stats.kernelDrops = m_earlierDrops[name] + capture->kernelDrops();
            reading.interfaces.push_back(std::move(stats));
        }
        for (std::string& warning : m_table.table.endTick()) {
            reading.warnings.push_back(std::move(warning));
        }
    }
    for (const std::string& name : ended) {
        m_earlierDrops[name] += m_captures.at(name)->kernelDrops();
        retire(name);  // reported above for the last time; setInterfaces may start it again
    }
    return reading;
}

}  // namespace

bool pcapBuiltIn() {
    return true;
}

std::unique_ptr<CaptureEngine> makePcapCaptureEngine() {
    return makePcapCaptureEngine(PcapCaptureOptions{});
}

std::unique_ptr<CaptureEngine> makePcapCaptureEngine(const PcapCaptureOptions& options) {
    return makePcapCaptureEngine(options, linkedPcapApi());
}

std::unique_ptr<CaptureEngine> makePcapCaptureEngine(const PcapCaptureOptions& options,
                                                     const PcapApi& api) {
    return std::make_unique<PcapCaptureEngine>(api, options);
}

Result<void> probePcapPermission(const std::string& device) {
    PcapHandleOptions options;
    options.bufferBytes = 64 * 1024;
    options.kernelDirectionFilter = false;
    auto handle = PcapHandle::open(linkedPcapApi(), device, options);
    if (!handle) {
        return tl::unexpected(handle.error());
    }
    return {};
}

}  // namespace netmon::capture
