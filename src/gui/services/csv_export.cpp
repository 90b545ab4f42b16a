// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/services/csv_export.h"

#include "core/time_text.h"
#include "platform/file_io.h"
#include "platform/local_time_text.h"

namespace netmon::gui {
namespace {

// Interface names may hold commas or quotes on some systems: quote per RFC 4180.
std::string csvField(const std::string& text) {
    if (text.find_first_of(",\"\n") == std::string::npos) {
        return text;
    }
    std::string quoted = "\"";
    for (const char c : text) {
        quoted += c;
        if (c == '"') {
            quoted += '"';
        }
    }
    return quoted + "\"";
}

}  // namespace

std::string historyCsv(const HistoryResult& result) {
    std::string text = "start_local,start_utc,interface,rx_bytes,tx_bytes,rx_packets,tx_packets\n";
    for (const storage::HistoryRow& row : result.rows) {
        text += formatLocalTime(row.start) + "," + formatIsoUtc(row.start) + "," +
                csvField(row.interfaceName) + "," + std::to_string(row.rxBytes) + "," +
                std::to_string(row.txBytes) + "," + std::to_string(row.rxPackets) + "," +
                std::to_string(row.txPackets) + "\n";
    }
    return text;
}

Result<void> writeHistoryCsv(const std::filesystem::path& path, const HistoryResult& result) {
    // Per-interface history of this user: private (0600), written whole or not at all.
    return writeFileAtomically(path, historyCsv(result));
}

}  // namespace netmon::gui
