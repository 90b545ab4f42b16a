// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "core/model/flow_key.h"
#include "core/sources/socket_source.h"

namespace netmon::windows_platform {

// One TCP connection's counters from extended statistics (RFC 4898 "EStats", data group):
// payload bytes acknowledged by the peer / received in order, and data segments.
struct TcpCounters {
    std::uint64_t bytesSent = 0;
    std::uint64_t bytesReceived = 0;
    std::uint64_t segmentsOut = 0;
    std::uint64_t segmentsIn = 0;
};

// The two IP Helper calls per connection, behind an interface so the logic around them is
// unit-tested where they cannot run (Wine, non-elevated processes). Return Win32 status codes.
class TcpStatsApi {
public:
    virtual ~TcpStatsApi() = default;
    // SetPerTcp(6)ConnectionEStats(TcpConnectionEstatsData, EnableCollection = TRUE).
    virtual std::uint32_t enableCollection(const FlowKey& key) = 0;
    // GetPerTcp(6)ConnectionEStats(TcpConnectionEstatsData).
    virtual std::uint32_t read(const FlowKey& key, TcpCounters& counters) = 0;
};

// The real calls, resolved from iphlpapi.dll at run time; null when this Windows lacks them.
std::unique_ptr<TcpStatsApi> makeEStatsApi();

// Whether per-connection bytes can be had here, and if not, the sentence that says why.
struct TcpStatsAvailability {
    bool available = false;
    std::string reason;  // empty when available
};
// Windows gives extended statistics to elevated processes only. Under Wine the calls are stubs
// that end the process when called (with exit status 0), so they are never made there.
TcpStatsAvailability tcpStatsAvailability(bool elevated, const std::optional<std::string>& wine,
                                          bool callsPresent);

// Switches collection on once for each connection it is shown (Windows counts only from then
// on), reads the counters of every connection in a state that has some, and fills the records'
// byte and segment fields. Listeners, TIME_WAIT and closed rows are never asked about.
// Connections that left the table are forgotten.
class TcpStatsCollector {
public:
    explicit TcpStatsCollector(std::unique_ptr<TcpStatsApi> api);
    void fill(std::vector<SocketRecord>& records);
    // What went wrong since the last call (a refused switch-on), said once per cause.
    std::vector<std::string> takeWarnings();

private:
    std::unique_ptr<TcpStatsApi> m_api;
    std::unordered_set<FlowKey, FlowKeyHash> m_enabled;
    std::unordered_set<std::uint32_t> m_reportedStatuses;
    std::vector<std::string> m_warnings;
};

// Whether a TCP state has a live connection with counters to read.
bool hasConnectionCounters(std::string_view state);

}  // namespace netmon::windows_platform
