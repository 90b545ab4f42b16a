// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/models/interface_table_model.h"

#include <QStringList>

#include "gui/types/qt_text.h"
#include "gui/types/shown_text.h"

namespace netmon::gui {
namespace {

double rx(const InterfaceStat& stat) {
    return stat.traffic ? stat.traffic->rxBitsPerSecond : 0.0;
}

double tx(const InterfaceStat& stat) {
    return stat.traffic ? stat.traffic->txBitsPerSecond : 0.0;
}

QString speedText(const InterfaceStat& stat) {
    if (!stat.speedMbps) {
        return QStringLiteral("—");
    }
    return bitRateText(static_cast<double>(*stat.speedMbps) * 1e6);
}

QString addressesText(const InterfaceStat& stat, const QString& separator) {
    QStringList addresses;
    for (const std::string& address : stat.addresses) {
        addresses << toQString(address);
    }
    return addresses.join(separator);
}

}  // namespace

InterfaceTableModel::InterfaceTableModel(QObject* parent) : KeyedTableModel(parent) {}

void InterfaceTableModel::update(std::vector<InterfaceStat> interfaces) {
    const auto appendActivity = [](InterfaceRow& row) {
        row.activity.append(row.stat.traffic ? rx(row.stat) + tx(row.stat) : 0.0);
        while (row.activity.size() > kActivityPoints) {
            row.activity.removeFirst();
        }
    };
    merge(
        interfaces, [](const InterfaceStat& stat) { return stat.name; },
        [&](InterfaceRow& row, InterfaceStat& stat) {
            row.stat = std::move(stat);
            appendActivity(row);
            return true;  // the sparkline moves every tick
        },
        [&](InterfaceStat& stat) {
            InterfaceRow row{stat.name, std::move(stat), {}};
            appendActivity(row);
            return row;
        });
}

int InterfaceTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant InterfaceTableModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount()) {
        return {};
    }
    const InterfaceRow& row = rowAt(index.row());
    switch (role) {
        case Qt::DisplayRole:
            return display(row, index.column());
        case SortRole:
            return sortValue(row, index.column());
        case ActivityRole:
            return QVariant::fromValue(row.activity);
        case VirtualRole:
            return row.stat.isVirtual;
        case Qt::ToolTipRole:
            if (index.column() == Addresses) {
                return addressesText(row.stat, QStringLiteral("\n"));
            }
            if (index.column() == Name && !row.stat.mac.empty()) {
                return QStringLiteral("MAC %1").arg(toQString(row.stat.mac));
            }
            if ((index.column() == Download || index.column() == Upload) && !row.stat.traffic) {
                return tr("No rate yet: rates need two readings of the counters.");
            }
            return {};
        case Qt::TextAlignmentRole:
            if (index.column() >= Speed && index.column() <= Upload) {
                return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
            }
            return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
        default:
            return {};
    }
}

QVariant InterfaceTableModel::display(const InterfaceRow& row, int column) const {
    const InterfaceStat& stat = row.stat;
    switch (column) {
        case Name:
            return shownText(stat.name);
        case State:
            return toQString(toString(stat.state));
        case Type:
            return toQString(toString(stat.kind));
        case Addresses:
            return addressesText(stat, QStringLiteral(", "));
        case Speed:
            return speedText(stat);
        case Received:
            return bytesText(stat.counters.rxBytes);
        case Sent:
            return bytesText(stat.counters.txBytes);
        case Download:
            return stat.traffic ? bitRateText(rx(stat)) : QStringLiteral("—");
        case Upload:
            return stat.traffic ? bitRateText(tx(stat)) : QStringLiteral("—");
        default:
            return {};
    }
}

QVariant InterfaceTableModel::sortValue(const InterfaceRow& row, int column) const {
    const InterfaceStat& stat = row.stat;
    switch (column) {
        case Speed:
            return static_cast<qulonglong>(stat.speedMbps.value_or(0));
        case Received:
            return static_cast<qulonglong>(stat.counters.rxBytes);
        case Sent:
            return static_cast<qulonglong>(stat.counters.txBytes);
        case Download:
            return rx(stat);
        case Upload:
        case Activity:
            return column == Upload ? tx(stat) : rx(stat) + tx(stat);
        default:
            return display(row, column);
    }
}

QVariant InterfaceTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
        case Name:
            return tr("Interface");
        case State:
            return tr("State");
        case Type:
            return tr("Type");
        case Addresses:
            return tr("Addresses");
        case Speed:
            return tr("Link speed");
        case Received:
            return tr("Received");
        case Sent:
            return tr("Sent");
        case Download:
            return tr("Download");
        case Upload:
            return tr("Upload");
        case Activity:
            return tr("Last minute");
        default:
            return {};
    }
}

}  // namespace netmon::gui
