// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/models/host_list_model.h"

#include <QStringList>
#include <algorithm>

#include "core/model/byte_total.h"
#include "gui/types/qt_text.h"
#include "gui/types/shown_text.h"

namespace netmon::gui {
namespace {

std::optional<std::uint64_t> total(const HostStat& host) {
    return bothWays(host.bytesIn, host.bytesOut);
}

// Every host with its share of the counted bytes, most counted bytes first, unknown last.
std::vector<HostRow> ranked(const std::vector<HostStat>& hosts) {
    std::uint64_t sum = 0;
    for (const HostStat& host : hosts) {
        sum += total(host).value_or(0);
    }
    std::vector<HostRow> rows;
    rows.reserve(hosts.size());
    for (const HostStat& host : hosts) {
        const auto bytes = total(host);
        std::optional<double> share;
        if (bytes) {
            share = sum == 0 ? 0.0 : static_cast<double>(*bytes) / static_cast<double>(sum);
        }
        rows.push_back(HostRow{host.address, host, share});
    }
    // Core sends hosts in this order; sort anyway so the list never depends on it.
    std::stable_sort(rows.begin(), rows.end(), [](const HostRow& a, const HostRow& b) {
        return moreBytes(total(a.host), total(b.host));
    });
    return rows;
}

}  // namespace

QString hostDisplayName(const HostStat& host) {
    return host.hostName.empty() ? toQString(host.address.unmapped().toString())
                                 : shownText(host.hostName);
}

QString hostTrafficText(const HostStat& host) {
    return byteSumText(total(host), host.bytesComplete);
}

QString hostShareText(const HostRow& row) {
    if (!row.share) {
        return toQString(kUnknownText);
    }
    const double percent = *row.share * 100.0;
    const QString text = QStringLiteral("%1 %").arg(percent, 0, 'f', *row.share < 0.1 ? 1 : 0);
    return row.host.bytesComplete ? text : QLatin1Char('~') + text;
}

HostListModel::HostListModel(QObject* parent) : KeyedTableModel(parent) {}

void HostListModel::update(const std::vector<HostStat>& hosts, std::size_t limit,
                           const QString& note) {
    m_note = note;
    std::vector<HostRow> top = ranked(hosts);
    m_top.reset();
    if (!top.empty() && top.front().share) {
        m_top = top.front();
    }
    if (top.size() > limit) {
        top.resize(limit);
    }
    merge(
        top, [](const HostRow& row) { return row.key; },
        [](HostRow& row, HostRow& incoming) {
            const bool changed = total(row.host) != total(incoming.host) ||
                                 row.host.bytesComplete != incoming.host.bytesComplete ||
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
        return row.share ? QVariant(*row.share) : QVariant();  // no bar for an unknown share
    }
    if (role == Qt::UserRole) {  // sort value
        switch (index.column()) {
            case Traffic:
                return total(host) ? QVariant(static_cast<qulonglong>(*total(host))) : QVariant();
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
                return hostShareText(row);
            case Traffic:
                return hostTrafficText(host);
            case Connections:
                return host.connections;
            default:
                return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        return plainToolTip(toolTip(row));
    }
    if (role == Qt::TextAlignmentRole && index.column() >= Traffic) {
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    }
    return {};
}

QString HostListModel::toolTip(const HostRow& row) const {
    const HostStat& host = row.host;
    QStringList lines{toQString(host.address.unmapped().toString())};
    lines << tr("Received %1, sent %2")
                 .arg(byteSumText(host.bytesIn, host.bytesComplete),
                      byteSumText(host.bytesOut, host.bytesComplete));
    if (!host.processes.empty()) {
        QStringList names;
        for (const std::string& name : host.processes) {
            names << shownText(name);
        }
        lines << tr("Processes: %1").arg(names.join(QStringLiteral(", ")));
    }
    if (!host.bytesComplete) {
        lines << (row.share ? tr("Only some of its flows have byte counts: its bytes are a lower "
                                 "bound and its share is of the counted bytes only.")
                            : tr("None of its flows has byte counts, so its traffic and share "
                                 "are unknown (not zero)."));
        if (!m_note.isEmpty()) {
            lines << m_note;
        }
    }
    return lines.join(QLatin1Char('\n'));
}

QVariant HostListModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal) {
        return {};
    }
    if (role == Qt::ToolTipRole && section == Share) {
        return tr("Share of the bytes counted over all remote hosts");
    }
    if (role != Qt::DisplayRole) {
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
