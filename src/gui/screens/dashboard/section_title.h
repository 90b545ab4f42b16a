// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

class QLabel;
class QWidget;

namespace netmon::gui {

// A dashboard panel's bold title.
QLabel* sectionTitle(const QString& text, QWidget* parent);

}  // namespace netmon::gui
