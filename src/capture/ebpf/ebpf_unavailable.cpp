// SPDX-License-Identifier: GPL-3.0-or-later
// This build has no eBPF engine (NETMON_EBPF is OFF): the factory and the probe say so, and
// callers need no #ifdef.
#include "capture/ebpf/ebpf_capture_engine.h"

namespace netmon::capture {
namespace {

Error notBuilt() {
    return {"deep capture with eBPF is not built into this version",
            "rebuild with clang, bpftool and libbpf-dev installed (scripts/setup-deps.sh), or use "
            "the libpcap engine"};
}

}  // namespace

bool ebpfBuiltIn() {
    return false;
}

Result<std::unique_ptr<CaptureEngine>> makeEbpfCaptureEngine(const EbpfOptions&) {
    return tl::unexpected(notBuilt());
}

Result<void> probeEbpf() {
    return tl::unexpected(notBuilt());
}

}  // namespace netmon::capture
