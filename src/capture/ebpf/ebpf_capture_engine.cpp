// SPDX-License-Identifier: GPL-3.0-or-later
#include "capture/ebpf/ebpf_capture_engine.h"

#include <malloc.h>

#include <algorithm>
#include <mutex>

#include "capture/ebpf/flow_collector.h"
#include "capture/ebpf/flow_counter.h"
#include "capture/ebpf/interface_attachments.h"
#include "capture/ebpf/leftover_filters.h"
#include "capture/ebpf/socket_owners.h"
#include "capture/ebpf/tc_attachment.h"

namespace netmon::capture {
namespace {

// Steps: load the counter (maps sized, stamped) and the owner hooks at construction; attach
// tc programs per interface in setInterfaces() (TCX links or clsact filters); read the maps each
// tick; on destruction detach them, then unload everything (skeletons and links are RAII).
class EbpfCaptureEngine final : public CaptureEngine {
public:
    EbpfCaptureEngine(const kernel::netmon_loader& stamp, std::unique_ptr<FlowCounter> counter,
                      std::unique_ptr<SocketOwners> owners, const EbpfOptions& options,
                      TcAttach how, std::vector<std::string> warnings)
        : m_stamp(stamp),
          m_counter(std::move(counter)),
          m_owners(std::move(owners)),
          m_interfaces(*m_counter, identityOf(stamp), how),
          m_flows(m_counter->flowMap(), m_counter->flowCapacity(),
                  m_owners ? m_owners->ownerMap() : -1, options.idleReadsBeforeEviction),
          m_pendingWarnings(std::move(warnings)) {}

    ~EbpfCaptureEngine() override {
        m_interfaces.clear();  // hooks first: they keep the programs running
        retireLoaderStamp(m_stamp);
    }
    EbpfCaptureEngine(const EbpfCaptureEngine&) = delete;
    EbpfCaptureEngine& operator=(const EbpfCaptureEngine&) = delete;

    Result<void> setInterfaces(const std::vector<std::string>& names) override {
        const std::lock_guard lock(m_mutex);
        return m_interfaces.set(names, m_pendingWarnings);
    }

    Result<CaptureReading> read() override;
    [[nodiscard]] std::string_view name() const override { return "ebpf"; }
    [[nodiscard]] std::string detail() const override {
        const std::lock_guard lock(m_mutex);
        return m_interfaces.describe();
    }

private:
    mutable std::mutex m_mutex;  // setInterfaces and read may come from different threads
    kernel::netmon_loader m_stamp;
    std::unique_ptr<FlowCounter> m_counter;
    std::unique_ptr<SocketOwners> m_owners;
    InterfaceAttachments m_interfaces;
    FlowCollector m_flows;
    std::vector<std::string> m_pendingWarnings;
};

Result<CaptureReading> EbpfCaptureEngine::read() {
    const std::lock_guard lock(m_mutex);
    CaptureReading reading;
    reading.warnings = std::move(m_pendingWarnings);
    m_pendingWarnings.clear();
    // A failed read is an error, never an empty reading; its warnings wait for the next one.
    const auto failed = [&](const Error& error) {
        m_pendingWarnings = std::move(reading.warnings);
        return tl::unexpected(error);
    };
    bool overflowed = false;
    auto interfaces = m_interfaces.read(reading.warnings, overflowed);
    if (!interfaces) {
        return failed(interfaces.error());
    }
    reading.interfaces = std::move(*interfaces);
    auto flows =
        m_flows.collect([this](std::uint32_t ifindex) { return m_interfaces.netnsOf(ifindex); });
    if (!flows) {
        return failed(flows.error());
    }
    reading.flows = std::move(*flows);
    for (std::string& warning : m_flows.evictIfNeeded(overflowed)) {
        reading.warnings.push_back(std::move(warning));
    }
    return reading;
}

}  // namespace

Result<std::unique_ptr<CaptureEngine>> makeEbpfCaptureEngine(const EbpfOptions& options) {
    const kernel::netmon_loader stamp = makeLoaderStamp();
    auto counter = FlowCounter::load(std::max<std::size_t>(options.flowCapacity, 16), stamp);
    if (!counter) {
        retireLoaderStamp(stamp);
        return tl::unexpected(counter.error());
    }
    std::unique_ptr<SocketOwners> owners;
    std::vector<std::string> warnings;
    const TcAttach how =
        options.tcAttach == TcAttach::Auto ? tcAttachFromEnvironment(warnings) : options.tcAttach;
    if (options.processAttribution) {
        auto started = SocketOwners::start(std::max<std::size_t>(options.ownerCapacity, 16),
                                           options.ownerHooks);
        if (started) {
            owners = std::move(*started);
        } else {
            warnings.push_back("flows are counted without their processes: " +
                               started.error().describe());
        }
    }
    // Loading parsed the kernel's BTF (several MiB, freed since): give those pages back, so a
    // service that runs all day does not keep its start-up's peak.
    ::malloc_trim(0);
    return std::make_unique<EbpfCaptureEngine>(stamp, std::move(*counter), std::move(owners),
                                               options, how, std::move(warnings));
}

}  // namespace netmon::capture
