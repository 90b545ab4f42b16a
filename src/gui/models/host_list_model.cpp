// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/host_list_model.h"

#include <QStringList>
#include <algorithm>

#include "app/qt_text.h"
#include "app/shown_text.h"

namespace netmon::gui {
namespace {

std::uint64_t total(const HostStat& host) {
    return host.bytesIn + host.bytesOut;
}

}  // namespace

QString hostDisplayName(const HostStat& host) {
    return host.hostName.empty() ? toQString(host.address.unmapped().toString())
                                 : shownText(host.hostName);
}

HostListModel::HostListModel(QObject* parent) : KeyedTableModel(parent) {}

void HostListModel::update(const std::vector<HostStat>& hosts, std::size_t limit) {
    std::uint64_t sum = 0;
    for (const HostStat& host : hosts) {
        sum += total(host);
    }
    std::vector<HostRow> top;
    for (const HostStat& host : hosts) {
        top.push_back(
            HostRow{host.address, host,
                    sum == 0 ? 0.0 : static_cast<double>(total(host)) / static_cast<double>(sum)});
    }
    // Core sends hosts most bytes first; sort anyway so the list never depends on it.
    std::stable_sort(top.begin(), top.end(), [](const HostRow& a, const HostRow& b) {
        return total(a.host) > total(b.host);
    });
    if (top.size() > limit) {
        top.resize(limit);
    }
    merge(
        top, [](const HostRow& row) { return row.key; },
        [](HostRow& row, HostRow& incoming) {
            const bool changed = total(row.host) != total(incoming.host) ||
                                 row.share != incoming.share ||
                                 row.host.hostName != incoming.host.hostName ||
                                 row.host.connections != incoming.host.connections;
            row = std::move(incoming);
            return changed;
        },
        [](HostRow& incoming) { return std::move(incoming); });
}

int HostListModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HostListModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount()) {
        return {};
    }
    const HostRow& row = rowAt(index.row());
    const HostStat& host = row.host;
    if (role == ShareRole || (role == Qt::UserRole && index.column() == Share)) {
        return row.share;
    }
    if (role == Qt::UserRole) {  // sort value
        switch (index.column()) {
            case Traffic:
                return static_cast<qulonglong>(total(host));
            case Connections:
                return host.connections;
            default:
                return hostDisplayName(host);
        }
    }
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
            case Host:
                return hostDisplayName(host);
            case Share:
                return QStringLiteral("%1 %").arg(row.share * 100.0, 0, 'f',
                                                  row.share < 0.1 ? 1 : 0);
            case Traffic:
                return bytesText(total(host));
            case Connections:
                return host.connections;
            default:
                return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        QStringList lines{toQString(host.address.unmapped().toString())};
        lines << tr("Received %1, sent %2").arg(bytesText(host.bytesIn), bytesText(host.bytesOut));
        if (!host.processes.empty()) {
            QStringList names;
            for (const std::string& name : host.processes) {
                names << shownText(name);
            }
            lines << tr("Processes: %1").arg(names.join(QStringLiteral(", ")));
        }
        return plainToolTip(lines.join(QLatin1Char('\n')));
    }
    if (role == Qt::TextAlignmentRole && index.column() >= Traffic) {
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    }
    return {};
}

QVariant HostListModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
        case Host:
            return tr("Remote host");
        case Share:
            return tr("Share");
        case Traffic:
            return tr("Traffic");
        case Connections:
            return tr("Open");
        default:
            return {};
    }
}

}  // namespace netmon::gui
