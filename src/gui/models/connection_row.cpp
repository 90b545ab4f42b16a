// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/models/connection_row.h"

#include <QStringList>
#include <utility>

#include "core/model/flow_key.h"
#include "gui/models/connection_text.h"
#include "gui/types/qt_text.h"
#include "gui/types/shown_text.h"

namespace netmon::gui {
namespace {

QString endpoint(const IpAddress& address, std::uint16_t port) {
    const IpAddress shown = address.unmapped();
    const QString text = toQString(shown.toString());
    return shown.isV6() ? QStringLiteral("[%1]:%2").arg(text).arg(port)
                        : QStringLiteral("%1:%2").arg(text).arg(port);
}

}  // namespace

std::uint64_t ConnectionRow::keyOf(const FlowStat& flow) {
    // The OS's id where it gives one; else the 5-tuple (top bit set so it cannot clash).
    return flow.id != 0 ? flow.id : (FlowKeyHash{}(flow.key) | (std::uint64_t{1} << 63));
}

ConnectionRow ConnectionRow::from(FlowStat flow) {
    ConnectionRow row;
    row.key = keyOf(flow);
    row.local = endpoint(flow.key.localAddress, flow.key.localPort);
    row.remote = flow.listening ? QStringLiteral("*")
                                : endpoint(flow.key.remoteAddress, flow.key.remotePort);
    row.process = processText(flow);
    row.haystack = QStringList{protocolText(flow.key.protocol),
                               row.local,
                               row.remote,
                               shownText(flow.remoteHostName),
                               toQString(flow.service),
                               toQString(flow.state),
                               row.process}
                       .join(QLatin1Char('\n'))
                       .toLower();
    row.flow = std::move(flow);
    return row;
}

}  // namespace netmon::gui
