// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractTableModel>
#include <algorithm>
#include <cstddef>
#include <functional>
#include <unordered_map>
#include <utility>
#include <vector>

namespace netmon::gui {

// A table whose rows are identified by a key (a flow's id, an interface's name). Each tick is
// merged in place: rows whose key is gone are removed, rows still there are updated (one
// dataChanged per run of changed rows), new keys are appended. Never a model reset, so views
// and proxies keep their selection, sort order and scroll position.
template <typename Key, typename Row, typename Hash = std::hash<Key>>
class KeyedTableModel : public QAbstractTableModel {
public:
    using QAbstractTableModel::QAbstractTableModel;

    int rowCount(const QModelIndex& parent = {}) const override {
        return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
    }
    [[nodiscard]] const Row& rowAt(int row) const { return m_rows[static_cast<std::size_t>(row)]; }
    // The row holding `key`, or -1.
    [[nodiscard]] int rowOf(const Key& key) const {
        const auto found = m_index.find(key);
        return found == m_index.end() ? -1 : found->second;
    }

protected:
    // `keyOf(item)` gives an incoming item's key; `update(row, item)` copies an item into an
    // existing row and says whether anything shown changed; `make(item)` builds a new row.
    template <typename Item, typename KeyOf, typename Update, typename Make>
    void merge(std::vector<Item>& items, KeyOf keyOf, Update update, Make make) {
        std::unordered_map<Key, std::size_t, Hash> incoming;
        incoming.reserve(items.size());
        for (std::size_t i = 0; i < items.size(); ++i) {
            incoming.emplace(keyOf(items[i]), i);  // a duplicate key keeps its first item
        }
        removeRowsNotIn(incoming);

        std::vector<bool> used(items.size(), false);
        std::vector<int> changed;
        for (std::size_t row = 0; row < m_rows.size(); ++row) {
            const std::size_t item = incoming.at(m_rows[row].key);
            used[item] = true;
            if (update(m_rows[row], items[item])) {
                changed.push_back(static_cast<int>(row));
            }
        }
        emitChanged(changed);

        std::vector<std::size_t> added;
        for (const auto& [key, item] : incoming) {
            if (!used[item]) {
                added.push_back(item);
            }
        }
        if (added.empty()) {
            return;
        }
        std::sort(added.begin(), added.end());  // in the source's order
        const int first = static_cast<int>(m_rows.size());
        beginInsertRows({}, first, first + static_cast<int>(added.size()) - 1);
        for (const std::size_t item : added) {
            m_index[keyOf(items[item])] = static_cast<int>(m_rows.size());
            m_rows.push_back(make(items[item]));
        }
        endInsertRows();
    }

    std::vector<Row> m_rows;

private:
    static constexpr std::size_t kMaxChangeSignals = 16;

    template <typename Incoming>
    void removeRowsNotIn(const Incoming& incoming) {
        bool removed = false;
        int row = static_cast<int>(m_rows.size()) - 1;
        while (row >= 0) {
            if (incoming.count(m_rows[static_cast<std::size_t>(row)].key) != 0) {
                --row;
                continue;
            }
            const int last = row;
            while (row > 0 && incoming.count(m_rows[static_cast<std::size_t>(row - 1)].key) == 0) {
                --row;
            }
            beginRemoveRows({}, row, last);
            m_rows.erase(m_rows.begin() + row, m_rows.begin() + last + 1);
            endRemoveRows();
            removed = true;
            --row;
        }
        if (removed) {
            m_index.clear();
            for (std::size_t i = 0; i < m_rows.size(); ++i) {
                m_index.emplace(m_rows[i].key, static_cast<int>(i));
            }
        }
    }

    // One dataChanged per run of adjacent changed rows; one spanning signal when the runs are
    // many (cheaper for proxies than thousands of signals).
    void emitChanged(const std::vector<int>& rows) {
        if (rows.empty()) {
            return;
        }
        const int lastColumn = columnCount() - 1;
        std::vector<std::pair<int, int>> runs;
        for (const int row : rows) {
            if (!runs.empty() && runs.back().second + 1 == row) {
                runs.back().second = row;
            } else {
                runs.emplace_back(row, row);
            }
        }
        if (runs.size() > kMaxChangeSignals) {
            runs = {{runs.front().first, runs.back().second}};
        }
        for (const auto& [first, last] : runs) {
            Q_EMIT dataChanged(index(first, 0), index(last, lastColumn));
        }
    }

    std::unordered_map<Key, int, Hash> m_index;
};

}  // namespace netmon::gui
