// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

class QLabel;
class QWidget;

namespace netmon::gui {

// A settings group's muted explanation under its fields. Plain text: some quote paths and the
// system's messages.
QLabel* helpLabel(const QString& text, QWidget* parent);

}  // namespace netmon::gui
