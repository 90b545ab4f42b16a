// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/models/connection_row_order.h"

#include <QString>
#include <optional>
#include <string>
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

bool ConnectionRowOrder::operator()(const ConnectionRow& left, const ConnectionRow& right) const {
    using Column = ConnectionTableModel::Column;
    const FlowStat& a = left.flow;
    const FlowStat& b = right.flow;
    int order = 0;
    switch (m_column) {
        case Column::Protocol:
            order = static_cast<int>(a.key.protocol) - static_cast<int>(b.key.protocol);
            break;
        case Column::Local:
            order = compareEndpoint(a.key.localAddress, a.key.localPort, b.key.localAddress,
                                    b.key.localPort);
            break;
        case Column::Remote:
            order = compareEndpoint(a.key.remoteAddress, a.key.remotePort, b.key.remoteAddress,
                                    b.key.remotePort);
            break;
        case Column::Host:
            order = compareText(a.remoteHostName, b.remoteHostName);
            break;
        case Column::Service:
            order = compareText(a.service, b.service);
            break;
        case Column::State:
            order = compareText(a.state, b.state);
            break;
        case Column::Process:
            order = QString::compare(left.process, right.process, Qt::CaseInsensitive);
            break;
        case Column::Received:
            order = compareOptional(a.bytesIn, b.bytesIn);
            break;
        case Column::Sent:
            order = compareOptional(a.bytesOut, b.bytesOut);
            break;
        case Column::Download:
            order = compareOptional(a.inBitsPerSecond, b.inBitsPerSecond);
            break;
        case Column::Upload:
            order = compareOptional(a.outBitsPerSecond, b.outBitsPerSecond);
            break;
        default:
            break;
    }
    // Ties broken by key, so equal rows keep one order tick after tick (no flicker).
    return order != 0 ? order < 0 : left.key < right.key;
}

}  // namespace netmon::gui
