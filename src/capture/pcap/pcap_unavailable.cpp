// SPDX-License-Identifier: GPL-3.0-or-later
// Built instead of the libpcap engine when libpcap is missing (NETMON_PCAP=OFF): the same
// functions, saying so, so callers need no #ifdef.
#include "capture/pcap/pcap_capture_engine.h"

namespace netmon::capture {

bool pcapBuiltIn() {
    return false;
}

std::unique_ptr<CaptureEngine> makePcapCaptureEngine() {
    return nullptr;
}

std::unique_ptr<CaptureEngine> makePcapCaptureEngine(const PcapCaptureOptions&) {
    return nullptr;
}

Result<void> probePcapPermission(const std::string&) {
    return fail("deep capture with libpcap is not built into this version of netmon",
                "rebuild with libpcap-dev installed (scripts/setup-deps.sh does that)");
}

}  // namespace netmon::capture
