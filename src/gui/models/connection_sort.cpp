// SPDX-License-Identifier: GPL-3.0-or-later
// How the Connections table orders its rows: typed comparisons per column, ties by id.
#include <QString>
#include <tuple>

#include "gui/models/connection_table_model.h"
#include "gui/types/qt_text.h"

namespace netmon::gui {
namespace {

template <typename T>
int compareOptional(const std::optional<T>& left, const std::optional<T>& right) {
    // Unknown values sort below every known one.
    if (left.has_value() != right.has_value()) {
        return left.has_value() ? 1 : -1;
    }
    if (!left) {
        return 0;
    }
    return *left < *right ? -1 : (*right < *left ? 1 : 0);
}

int compareEndpoint(const IpAddress& a, std::uint16_t aPort, const IpAddress& b,
                    std::uint16_t bPort) {
    const auto order = std::tie(a, aPort) <=> std::tie(b, bPort);
    return order < 0 ? -1 : (order > 0 ? 1 : 0);
}

int compareText(const std::string& left, const std::string& right) {
    return QString::compare(toQString(left), toQString(right), Qt::CaseInsensitive);
}

}  // namespace

bool ConnectionTableModel::lessThan(int leftRow, int rightRow, int column) const {
    const ConnectionRow& left = rowAt(leftRow);
    const ConnectionRow& right = rowAt(rightRow);
    const FlowStat& a = left.flow;
    const FlowStat& b = right.flow;
    int order = 0;
    switch (column) {
        case Protocol:
            order = static_cast<int>(a.key.protocol) - static_cast<int>(b.key.protocol);
            break;
        case Local:
            order = compareEndpoint(a.key.localAddress, a.key.localPort, b.key.localAddress,
                                    b.key.localPort);
            break;
        case Remote:
            order = compareEndpoint(a.key.remoteAddress, a.key.remotePort, b.key.remoteAddress,
                                    b.key.remotePort);
            break;
        case Host:
            order = compareText(a.remoteHostName, b.remoteHostName);
            break;
        case Service:
            order = compareText(a.service, b.service);
            break;
        case State:
            order = compareText(a.state, b.state);
            break;
        case Process:
            order = QString::compare(left.process, right.process, Qt::CaseInsensitive);
            break;
        case Received:
            order = compareOptional(a.bytesIn, b.bytesIn);
            break;
        case Sent:
            order = compareOptional(a.bytesOut, b.bytesOut);
            break;
        case Download:
            order = compareOptional(a.inBitsPerSecond, b.inBitsPerSecond);
            break;
        case Upload:
            order = compareOptional(a.outBitsPerSecond, b.outBitsPerSecond);
            break;
        default:
            break;
    }
    // Ties broken by id, so equal rows keep one order tick after tick (no flicker).
    return order != 0 ? order < 0 : left.key < right.key;
}

}  // namespace netmon::gui
