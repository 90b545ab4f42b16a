// SPDX-License-Identifier: GPL-3.0-or-later
#include "platform/windows/tcp_estats.h"

#include <array>
#include <cstring>
#include <utility>

#include "platform/windows/owner_table_parser.h"
#include "platform/windows/windows_api.h"  // iphlpapi.h brings tcpestats.h
#include "platform/windows/windows_error.h"
#include "platform/windows/windows_handles.h"

namespace netmon::windows_platform {
namespace {

using SetV4 = ULONG(WINAPI*)(PMIB_TCPROW, TCP_ESTATS_TYPE, PUCHAR, ULONG, ULONG, ULONG);
using GetV4 = ULONG(WINAPI*)(PMIB_TCPROW, TCP_ESTATS_TYPE, PUCHAR, ULONG, ULONG, PUCHAR, ULONG,
                             ULONG, PUCHAR, ULONG, ULONG);
using SetV6 = ULONG(WINAPI*)(PMIB_TCP6ROW, TCP_ESTATS_TYPE, PUCHAR, ULONG, ULONG, ULONG);
using GetV6 = ULONG(WINAPI*)(PMIB_TCP6ROW, TCP_ESTATS_TYPE, PUCHAR, ULONG, ULONG, PUCHAR, ULONG,
                             ULONG, PUCHAR, ULONG, ULONG);

MIB_TCPROW rowV4(const FlowKey& key) {
    MIB_TCPROW row{};
    row.dwState = MIB_TCP_STATE_ESTAB;  // ignored by the EStats calls
    std::memcpy(&row.dwLocalAddr, key.localAddress.bytes().data(), 4);
    std::memcpy(&row.dwRemoteAddr, key.remoteAddress.bytes().data(), 4);
    row.dwLocalPort = tableFieldFromPort(key.localPort);
    row.dwRemotePort = tableFieldFromPort(key.remotePort);
    return row;
}

MIB_TCP6ROW rowV6(const FlowKey& key) {
    MIB_TCP6ROW row{};
    row.State = MIB_TCP_STATE_ESTAB;
    std::memcpy(&row.LocalAddr, key.localAddress.bytes().data(), 16);
    std::memcpy(&row.RemoteAddr, key.remoteAddress.bytes().data(), 16);
    row.dwLocalPort = tableFieldFromPort(key.localPort);
    row.dwRemotePort = tableFieldFromPort(key.remotePort);
    return row;
}

PUCHAR bytesOf(auto& value) {
    return reinterpret_cast<PUCHAR>(&value);
}

class EStatsApi final : public TcpStatsApi {
public:
    EStatsApi(SetV4 setV4, GetV4 getV4, SetV6 setV6, GetV6 getV6)
        : m_setV4(setV4), m_getV4(getV4), m_setV6(setV6), m_getV6(getV6) {}

    std::uint32_t enableCollection(const FlowKey& key) override {
        TCP_ESTATS_DATA_RW_v0 rw{};
        rw.EnableCollection = TRUE;
        if (key.localAddress.isV4()) {
            MIB_TCPROW row = rowV4(key);
            return m_setV4(&row, TcpConnectionEstatsData, bytesOf(rw), 0, sizeof rw, 0);
        }
        MIB_TCP6ROW row = rowV6(key);
        return m_setV6(&row, TcpConnectionEstatsData, bytesOf(rw), 0, sizeof rw, 0);
    }

    std::uint32_t read(const FlowKey& key, TcpCounters& counters) override {
        TCP_ESTATS_DATA_ROD_v0 rod{};
        ULONG status = ERROR_INVALID_PARAMETER;
        if (key.localAddress.isV4()) {
            MIB_TCPROW row = rowV4(key);
            status = m_getV4(&row, TcpConnectionEstatsData, nullptr, 0, 0, nullptr, 0, 0,
                             bytesOf(rod), 0, sizeof rod);
        } else {
            MIB_TCP6ROW row = rowV6(key);
            status = m_getV6(&row, TcpConnectionEstatsData, nullptr, 0, 0, nullptr, 0, 0,
                             bytesOf(rod), 0, sizeof rod);
        }
        if (status == NO_ERROR) {
            // Acknowledged / in-order received payload, as SocketRecord means them (retransmitted
            // data is in DataBytesOut, not here).
            counters.bytesSent = rod.ThruBytesAcked;
            counters.bytesReceived = rod.ThruBytesReceived;
            counters.segmentsOut = rod.DataSegsOut;
            counters.segmentsIn = rod.DataSegsIn;
        }
        return status;
    }

private:
    SetV4 m_setV4;
    GetV4 m_getV4;
    SetV6 m_setV6;
    GetV6 m_getV6;
};

}  // namespace

std::unique_ptr<TcpStatsApi> makeEStatsApi() {
    // iphlpapi is linked, so it is loaded; GetModuleHandleW takes no reference.
    const HMODULE iphlpapi = ::GetModuleHandleW(L"iphlpapi.dll");
    if (iphlpapi == nullptr) {
        return nullptr;
    }
    const auto setV4 = procAddress<SetV4>(iphlpapi, "SetPerTcpConnectionEStats");
    const auto getV4 = procAddress<GetV4>(iphlpapi, "GetPerTcpConnectionEStats");
    const auto setV6 = procAddress<SetV6>(iphlpapi, "SetPerTcp6ConnectionEStats");
    const auto getV6 = procAddress<GetV6>(iphlpapi, "GetPerTcp6ConnectionEStats");
    if (setV4 == nullptr || getV4 == nullptr || setV6 == nullptr || getV6 == nullptr) {
        return nullptr;
    }
    return std::make_unique<EStatsApi>(setV4, getV4, setV6, getV6);
}

TcpStatsAvailability tcpStatsAvailability(bool elevated, const std::optional<std::string>& wine,
                                          bool callsPresent) {
    if (wine) {
        return {false, "per-connection bytes are not available under Wine " + *wine +
                           " (its TCP extended statistics are stubs)"};
    }
    if (!callsPresent) {
        return {false,
                "per-connection bytes are not available: this Windows lacks the TCP "
                "extended statistics calls"};
    }
    if (!elevated) {
        return {false,
                "per-connection bytes need admin rights on Windows: run netmon from an "
                "elevated prompt (Run as administrator) to see them"};
    }
    return {true, {}};
}

bool hasConnectionCounters(std::string_view state) {
    static constexpr std::array<std::string_view, 7> kStates{
        "ESTABLISHED", "SYN_RECV", "FIN_WAIT1", "FIN_WAIT2", "CLOSE_WAIT", "CLOSING", "LAST_ACK"};
    for (const std::string_view known : kStates) {
        if (state == known) {
            return true;
        }
    }
    return false;
}

TcpStatsCollector::TcpStatsCollector(std::unique_ptr<TcpStatsApi> api) : m_api(std::move(api)) {}

void TcpStatsCollector::fill(std::vector<SocketRecord>& records) {
    std::unordered_set<FlowKey, FlowKeyHash> present;
    for (SocketRecord& record : records) {
        if (record.key.protocol != Protocol::Tcp || !hasConnectionCounters(record.state)) {
            continue;
        }
        present.insert(record.key);
        if (!m_enabled.contains(record.key)) {
            const std::uint32_t status = m_api->enableCollection(record.key);
            if (status != NO_ERROR) {
                if (m_reportedStatuses.insert(status).second) {
                    m_warnings.push_back("cannot switch on per-connection statistics for " +
                                         record.key.toString() + ": " +
                                         describeWindowsError(status) +
                                         " (byte counts stay empty for such connections)");
                }
                continue;
            }
            m_enabled.insert(record.key);
        }
        TcpCounters counters;
        if (m_api->read(record.key, counters) == NO_ERROR) {
            record.bytesSent = counters.bytesSent;
            record.bytesReceived = counters.bytesReceived;
            record.segmentsOut = counters.segmentsOut;
            record.segmentsIn = counters.segmentsIn;
        }
    }
    std::erase_if(m_enabled, [&present](const FlowKey& key) { return !present.contains(key); });
}

std::vector<std::string> TcpStatsCollector::takeWarnings() {
    return std::exchange(m_warnings, {});
}

}  // namespace netmon::windows_platform
