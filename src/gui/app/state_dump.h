// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace netmon::gui {

class MainWindow;

// Writes what the window shows as JSON to `path` (--state-file, for tests that run the real
// app as another user): the status area, the History screen's result, the settings note.
// Byte counts are decimal strings, exact past 2^53. Returns false when the file could not be
// written.
bool writeStateFile(const MainWindow& window, const QString& path);

}  // namespace netmon::gui
