// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/models/connection_table_model.h"

#include <QFont>
#include <set>
#include <tuple>

#include "core/model/flow_key.h"
#include "gui/models/connection_text.h"
#include "gui/types/qt_text.h"
#include "gui/types/shown_text.h"

namespace netmon::gui {
namespace {

bool sameText(const FlowStat& a, const FlowStat& b) {
    return a.state == b.state && a.processName == b.processName && a.pid == b.pid &&
           a.owner == b.owner && a.remoteHostName == b.remoteHostName && a.service == b.service;
}

bool sameCounters(const FlowStat& a, const FlowStat& b) {
    return a.bytesIn == b.bytesIn && a.bytesOut == b.bytesOut &&
           a.inBitsPerSecond == b.inBitsPerSecond && a.outBitsPerSecond == b.outBitsPerSecond;
}

}  // namespace

ConnectionTableModel::ConnectionTableModel(QObject* parent) : KeyedTableModel(parent) {}

void ConnectionTableModel::update(std::vector<FlowStat> flows, const Visibility& visibility) {
    m_visibility = visibility;
    merge(
        flows, ConnectionRow::keyOf,
        [](ConnectionRow& row, FlowStat& flow) {
            if (sameText(row.flow, flow)) {
                if (sameCounters(row.flow, flow)) {
                    return false;
                }
                row.flow = std::move(flow);
                return true;
            }
            row = ConnectionRow::from(std::move(flow));
            return true;
        },
        [](FlowStat& flow) { return ConnectionRow::from(std::move(flow)); });
    refreshChoices();
}

void ConnectionTableModel::refreshChoices() {
    std::set<QString> states;
    std::set<QString> processes;
    for (const ConnectionRow& row : m_rows) {
        if (!row.flow.state.empty()) {
            states.insert(toQString(row.flow.state));
        }
        if (row.flow.owner == OwnerVisibility::Known && !row.flow.processName.empty()) {
            processes.insert(shownText(row.flow.processName));
        }
    }
    QStringList stateList(states.begin(), states.end());
    QStringList processList(processes.begin(), processes.end());
    if (stateList != m_states || processList != m_processes) {
        m_states = std::move(stateList);
        m_processes = std::move(processList);
        Q_EMIT filterChoicesChanged();
    }
}

int ConnectionTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ConnectionTableModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount()) {
        return {};
    }
    const ConnectionRow& row = rowAt(index.row());
    switch (role) {
        case Qt::DisplayRole:
            return display(row, index.column());
        case Qt::ToolTipRole:
            return toolTip(row, index.column());
        case FlowIdRole:
            return static_cast<qulonglong>(row.key);
        case Qt::TextAlignmentRole:
            if (index.column() >= Received) {
                return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
            }
            return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
        case Qt::FontRole:
            if ((index.column() == Process && row.flow.owner != OwnerVisibility::Known) ||
                (index.column() == Received && !row.flow.bytesIn) ||
                (index.column() == Sent && !row.flow.bytesOut)) {
                QFont font;
                font.setItalic(true);
                return font;
            }
            return {};
        default:
            return {};
    }
}

QVariant ConnectionTableModel::display(const ConnectionRow& row, int column) const {
    const FlowStat& flow = row.flow;
    const auto bytes = [](const std::optional<std::uint64_t>& value) {
        return value ? bytesText(*value) : QStringLiteral("—");
    };
    const auto rate = [](const std::optional<double>& value) {
        return value ? bitRateText(*value) : QStringLiteral("—");
    };
    switch (column) {
        case Protocol:
            return protocolText(flow.key.protocol);
        case Local:
            return row.local;
        case Remote:
            return row.remote;
        case Host:
            return shownText(flow.remoteHostName);
        case Service:
            return toQString(flow.service);
        case State:
            return toQString(flow.state);
        case Process:
            return row.process;
        case Received:
            return bytes(flow.bytesIn);
        case Sent:
            return bytes(flow.bytesOut);
        case Download:
            return rate(flow.inBitsPerSecond);
        case Upload:
            return rate(flow.outBitsPerSecond);
        default:
            return {};
    }
}

QString ConnectionTableModel::missingReason(const FlowStat& flow) const {
    if (flow.key.protocol == netmon::Protocol::Udp && !m_visibility.udpBytes) {
        return tr(
            "Basic mode cannot count UDP bytes per flow: the OS keeps no counters for UDP "
            "sockets. Deep mode counts every packet of every flow.");
    }
    if (flow.listening) {
        return tr("A listening socket carries no data itself; its accepted connections do.");
    }
    return tr("This mode cannot count this flow's bytes. Deep mode counts every packet.");
}

QVariant ConnectionTableModel::toolTip(const ConnectionRow& row, int column) const {
    const FlowStat& flow = row.flow;
    switch (column) {
        case Local:
            return row.local;  // in full, where the column elides it
        case Remote:
            return row.remote;
        case Host:
            return flow.remoteHostName.empty()
                       ? tr("No name: reverse DNS has not answered, or it is off in Settings.")
                       : plainToolTip(shownText(flow.remoteHostName));
        case Process:
            if (flow.owner == OwnerVisibility::NeedsAdmin) {
                return tr(
                    "This socket belongs to another user's process. Without admin rights "
                    "the OS does not say which; run with admin rights to see it.");
            }
            if (flow.owner == OwnerVisibility::NoOwner) {
                return tr("No process holds this socket (closing, or owned by the kernel).");
            }
            return plainToolTip(flow.executable.empty() ? row.process : shownText(flow.executable));
        case Received:
        case Sent:
        case Download:
        case Upload: {
            const bool missing = (column == Received && !flow.bytesIn) ||
                                 (column == Sent && !flow.bytesOut) ||
                                 (column == Download && !flow.inBitsPerSecond) ||
                                 (column == Upload && !flow.outBitsPerSecond);
            return missing ? missingReason(flow) : QVariant();
        }
        default:
            return {};
    }
}

QVariant ConnectionTableModel::headerData(int section, Qt::Orientation orientation,
                                          int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    static const char* const kTitles[] = {
        QT_TR_NOOP("Protocol"), QT_TR_NOOP("Local"),    QT_TR_NOOP("Remote"),
        QT_TR_NOOP("Host"),     QT_TR_NOOP("Service"),  QT_TR_NOOP("State"),
        QT_TR_NOOP("Process"),  QT_TR_NOOP("Received"), QT_TR_NOOP("Sent"),
        QT_TR_NOOP("Download"), QT_TR_NOOP("Upload")};
    if (section < 0 || section >= ColumnCount) {
        return {};
    }
    return tr(kTitles[section]);
}

}  // namespace netmon::gui
