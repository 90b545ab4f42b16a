// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "capture/ebpf/flow_counter.h"
#include "capture/ebpf/loader_identity.h"
#include "capture/ebpf/net_namespace.h"
#include "capture/ebpf/tc_attachment.h"
#include "core/model/capture_interface_stats.h"
#include "core/result.h"

namespace netmon::capture {

// The interfaces the engine counts on: our tc programs on each (TCX links or clsact filters), the
// interface's "other" counters (kept per name, so they only grow when an interface is detached and
// attached again, or deleted and re-created), and interfaces deleted underneath. Not thread-safe:
// the engine serialises calls.
class InterfaceAttachments {
public:
    // `loader`: the engine's identity, which its filters are named with; `how`: the hooks.
    InterfaceAttachments(const FlowCounter& counter, const LoaderIdentity& loader, TcAttach how)
        : m_counter(counter), m_loader(loader), m_how(how) {}

    // Attaches to `names` in the calling thread's namespace and detaches from the others.
    // Fails only when no requested interface could be attached; other failures are warnings.
    // The first call in a namespace also removes filters left there by killed runs (and
    // warns about netmon filters whose loader it cannot tell alive or dead).
    Result<void> set(const std::vector<std::string>& names, std::vector<std::string>& warnings);

    // Every attached interface's counters, including (one last time, with a warning) those
    // deleted since the last read. `overflowed`: packets found no room in the flow map.
    Result<std::vector<CaptureInterfaceStats>> read(std::vector<std::string>& warnings,
                                                    bool& overflowed);

    // The namespace (inode) of the interface with this index; 0 if unknown.
    [[nodiscard]] std::uint32_t netnsOf(std::uint32_t ifindex) const;

    // How the programs are attached now, e.g. "TCX links" or "tc clsact filters (this kernel
    // has no TCX …)"; empty while attached nowhere.
    [[nodiscard]] std::string describe() const;

    // Removes every filter now (the engine's destructor calls this before unloading).
    void clear() { m_attached.clear(); }

private:
    struct Attachment {
        std::string name;
        std::shared_ptr<const NetNamespace> ns;
        int ifindex = 0;
        std::unique_ptr<TcAttachment> hooks;
        UnflowedTraffic baseline;            // the ifindex's counts when attached
        std::uint64_t overflowBaseline = 0;  // its overflow packets then
        std::uint64_t overflowSeen = 0;      // overflow packets already warned about
        bool gone = false;
    };

    Result<Attachment> attach(const std::shared_ptr<const NetNamespace>& ns,
                              const std::string& name);
    void end(Attachment& attachment, const UnflowedTraffic& contribution);

    const FlowCounter& m_counter;
    LoaderIdentity m_loader;
    TcAttach m_how;
    std::vector<Attachment> m_attached;
    std::map<std::string, UnflowedTraffic> m_earlier;  // by name: counts of ended attachments
    std::map<std::uint32_t, std::uint32_t> m_netns;    // ifindex → namespace inode, ever seen
    std::set<std::uint64_t> m_cleanedNamespaces;       // leftovers already removed there
};

}  // namespace netmon::capture
