// SPDX-License-Identifier: GPL-3.0-or-later
#include <array>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/sources/socket_source.h"
#include "platform/source_factories.h"
#include "platform/windows/owner_table_parser.h"
#include "platform/windows/owner_tables.h"
#include "platform/windows/tcp_estats.h"
#include "platform/windows/token_elevation.h"
#include "platform/windows/wine_detection.h"

namespace netmon {
namespace {

using windows_platform::OwnerTable;

using Parser = Result<std::vector<SocketRecord>> (*)(std::span<const std::byte>);

constexpr std::array<std::pair<OwnerTable, Parser>, 4> kTables{{
    {OwnerTable::Tcp4, &windows_platform::parseTcp4OwnerTable},
    {OwnerTable::Tcp6, &windows_platform::parseTcp6OwnerTable},
    {OwnerTable::Udp4, &windows_platform::parseUdp4OwnerTable},
    {OwnerTable::Udp6, &windows_platform::parseUdp6OwnerTable},
}};

// The four owner tables (TCP, UDP × IPv4, IPv6) with each socket's owning PID, without admin
// rights. Per-connection TCP bytes come from extended statistics, which Windows gives to
// elevated processes only (and Wine not at all): without them the byte fields stay empty and
// the first reading says why. Windows does not announce closed sockets.
class WindowsSocketSource final : public SocketSource {
public:
    WindowsSocketSource() {
        const auto elevated = windows_platform::processIsElevated();
        auto api = windows_platform::makeEStatsApi();
        const auto availability = windows_platform::tcpStatsAvailability(
            elevated.value_or(false), windows_platform::wineVersion(), api != nullptr);
        m_mechanism = "GetExtendedTcpTable/GetExtendedUdpTable";
        if (availability.available) {
            m_stats.emplace(std::move(api));
            m_mechanism += " + TCP extended statistics";
        } else {
            m_noBytesReason = availability.reason;
            m_mechanism += " (" + availability.reason + ")";
        }
    }

    Result<SocketReading> read() override {
        SocketReading reading;
        for (const auto& [table, parse] : kTables) {
            auto raw = windows_platform::readOwnerTable(table);
            if (!raw) {
                return tl::unexpected(raw.error());
            }
            auto records = parse(*raw);
            if (!records) {
                return fail("cannot read the " + std::string(windows_platform::toString(table)) +
                                " connection table: " + records.error().message,
                            "this looks like a Windows/program mismatch; please report it");
            }
            reading.open.insert(reading.open.end(), std::make_move_iterator(records->begin()),
                                std::make_move_iterator(records->end()));
        }
        if (m_stats) {
            m_stats->fill(reading.open);
            reading.warnings = m_stats->takeWarnings();
        } else if (!m_saidWhy) {
            reading.warnings.push_back(m_noBytesReason);
            m_saidWhy = true;
        }
        return reading;
    }

    [[nodiscard]] std::string_view mechanism() const override { return m_mechanism; }
    [[nodiscard]] bool reportsClosedSockets() const override { return false; }

private:
    std::optional<windows_platform::TcpStatsCollector> m_stats;
    std::string m_noBytesReason;
    bool m_saidWhy = false;
    std::string m_mechanism;
};

}  // namespace

std::unique_ptr<SocketSource> makeSocketSource() {
    return std::make_unique<WindowsSocketSource>();
}

}  // namespace netmon
