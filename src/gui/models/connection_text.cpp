// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/models/connection_text.h"

#include <QCoreApplication>

#include "gui/types/qt_text.h"
#include "gui/types/shown_text.h"

namespace netmon::gui {

QString protocolText(netmon::Protocol protocol) {
    return toQString(toString(protocol)).toUpper();
}

QString processText(const FlowStat& flow) {
    switch (flow.owner) {
        case OwnerVisibility::Known:
            return flow.pid
                       ? QStringLiteral("%1 (%2)").arg(shownText(flow.processName)).arg(*flow.pid)
                       : shownText(flow.processName);
        case OwnerVisibility::NeedsAdmin:
            return QCoreApplication::translate("ConnectionText", "another user's");
        case OwnerVisibility::NoOwner:
            break;
    }
    return QStringLiteral("—");
}

}  // namespace netmon::gui
