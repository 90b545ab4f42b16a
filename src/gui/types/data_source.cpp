// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/types/data_source.h"

#include <QCoreApplication>

#include "gui/types/shown_text.h"

namespace netmon::gui {
namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("DataSource", text);
}

QString modeName(MonitoringMode mode) {
    return mode == MonitoringMode::Deep ? tr("deep mode") : tr("basic mode");
}

}  // namespace

QString dataSourceLine(const DataSource& source) {
    switch (source.kind) {
        case DataSource::Kind::Undecided:
            return tr("Looking for the Network Monitor service…");
        case DataSource::Kind::Service:
            return source.fullAccess
                       ? tr("Live data and history from the Network Monitor service (%1)")
                             .arg(modeName(source.mode))
                       : tr("Live data and history from the Network Monitor service (%1; "
                            "your own connections only)")
                             .arg(modeName(source.mode));
        case DataSource::Kind::InProcess:
            return tr("Monitoring in this app (%1); history in your own database")
                .arg(modeName(source.mode));
        case DataSource::Kind::Synthetic:
            return tr("Synthetic load (--fake-load); nothing is stored");
    }
    return {};
}

QString serviceOffer(const DataSource& source) {
    if (source.kind != DataSource::Kind::InProcess) {
        return {};
    }
    const QString start = shownText(source.startHint);
    if (source.serviceInstalled) {
        return tr("For deep mode without running this app as root, start the Network Monitor "
                  "service: %1")
            .arg(start);
    }
    return tr("For deep mode without running this app as root, install the netmon package "
              "(README: \"Always-on monitoring\"), or start the service: %1")
        .arg(start);
}

std::string reasonWithoutFixes(const std::string& message) {
    // Core writes "<check> is missing (<detail>) — <hint>" joined by "; ", and ends with ".".
    static const std::string kDash = " \u2014 ";
    std::string out;
    std::size_t at = 0;
    while (at < message.size()) {
        std::size_t end = message.find("; ", at);
        if (end == std::string::npos) {
            end = message.size();
        }
        std::string part = message.substr(at, end - at);
        if (const std::size_t dash = part.find(kDash); dash != std::string::npos) {
            part.erase(dash);
            if (end == message.size()) {
                part += '.';
            }
        }
        out += (out.empty() ? "" : "; ") + part;
        at = end + 2;
    }
    return out;
}

}  // namespace netmon::gui
