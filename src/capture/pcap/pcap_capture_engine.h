// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <memory>
#include <string>

#include "capture/flow_table.h"
#include "core/result.h"
#include "core/sources/capture_source.h"

namespace netmon::capture {

struct PcapApi;

struct PcapCaptureOptions {
    int snapshotLength = 256;           // enough for Ethernet + 2 VLAN tags + IP options + TCP
    int bufferBytes = 4 * 1024 * 1024;  // kernel ring per handle (two handles per interface)
    int timeoutMs = 100;                // ring blocks are handed over at least this often
    std::size_t flowCapacity = kDefaultFlowCapacity;
    // Direction filtered in the kernel (a BPF program on the packet type, which also cuts to
    // the snapshot length there) rather than by libpcap in user space; see the README of
    // src/capture for the measurement behind the default.
    bool kernelDirectionFilter = true;
};

// Whether this build has the libpcap engine (false: the functions below say it is missing).
bool pcapBuiltIn();

// Deep mode's fallback engine (and Npcap's on Windows): one capture thread per interface, each
// with two pcap handles (received / sent frames), counting wire bytes per 5-tuple.
std::unique_ptr<CaptureEngine> makePcapCaptureEngine();
std::unique_ptr<CaptureEngine> makePcapCaptureEngine(const PcapCaptureOptions& options);
std::unique_ptr<CaptureEngine> makePcapCaptureEngine(const PcapCaptureOptions& options,
                                                     const PcapApi& api);

// Whether libpcap may capture here: opens `device` and closes it again. (When not built in:
// makePcapCaptureEngine returns null and this says so.) The error says what
// is missing (CAP_NET_RAW, no such interface…) and how to get it.
Result<void> probePcapPermission(const std::string& device = "lo");

}  // namespace netmon::capture
