// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <nlohmann/json.hpp>

#include "core/model/capture_interface_stats.h"
#include "core/model/host_stat.h"
#include "core/model/process_stat.h"
#include "core/model/tick_traffic.h"
#include "protocol/field_reader.h"

namespace netmon::protocol {

// What a snapshot sums up from its flows: per host, per process, the tick's traffic of each
// (for history), and in deep mode per interface what no flow holds.
nlohmann::json encodeHost(const HostStat& host);
void readHost(FieldReader& reader, HostStat& out);

nlohmann::json encodeProcess(const ProcessStat& process);
void readProcess(FieldReader& reader, ProcessStat& out);

nlohmann::json encodeTickTraffic(const TickTraffic& traffic);
void readTickTraffic(FieldReader& reader, TickTraffic& out);

nlohmann::json encodeCaptureStats(const CaptureInterfaceStats& stats);
void readCaptureStats(FieldReader& reader, CaptureInterfaceStats& out);

}  // namespace netmon::protocol
