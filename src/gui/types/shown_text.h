// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <string_view>

#include "core/visible_text.h"
#include "gui/types/qt_text.h"

namespace netmon::gui {

// Names from the system (processes, executables, hosts, interfaces) are data, never markup or
// control: a process may call itself "<b>…" or "\x1b]0;…". Labels that show them are
// Qt::PlainText; these two cover cells and tooltips.

// A name as a cell or label shows it: control characters visible as `\x1b`, as the CLI shows
// them (core's visibleText), so a name never breaks a line or hides part of itself. For
// display only: filters and settings keep the name itself.
inline QString shownText(std::string_view systemText) {
    return toQString(visibleText(systemText));
}

// A tooltip that shows `text` literally. Qt shows a tooltip as rich text whenever
// Qt::mightBeRichText() says so ("<b>x</b>" would be bold), so the text is escaped and wrapped
// in a paragraph that keeps its line breaks and does not wrap, like a plain tooltip.
inline QString plainToolTip(const QString& text) {
    if (text.isEmpty()) {
        return text;  // no tooltip
    }
    return QStringLiteral("<p style='white-space:pre'>%1</p>").arg(text.toHtmlEscaped());
}

}  // namespace netmon::gui
