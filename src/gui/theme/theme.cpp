// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/theme/theme.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QFont>
#include <QFontDatabase>
#include <QPalette>
#include <QRegularExpression>
#include <QStyleFactory>
#include <array>

// Resources of a static library are registered by name, outside any namespace.
static void initThemeResources() {
    Q_INIT_RESOURCE(theme);
    Q_INIT_RESOURCE(icons);
}

namespace netmon::gui {
namespace {

QPalette darkPalette() {
    QPalette palette;
    const QColor window(0x12, 0x16, 0x1c);
    const QColor base(0x1a, 0x21, 0x29);
    const QColor text(0xe6, 0xed, 0xf3);
    const QColor muted(0x8b, 0x98, 0xa5);
    palette.setColor(QPalette::Window, window);
    palette.setColor(QPalette::WindowText, text);
    palette.setColor(QPalette::Base, base);
    palette.setColor(QPalette::AlternateBase, QColor(0x1e, 0x26, 0x30));
    palette.setColor(QPalette::Text, text);
    palette.setColor(QPalette::Button, QColor(0x24, 0x30, 0x41));
    palette.setColor(QPalette::ButtonText, text);
    palette.setColor(QPalette::Highlight, QColor(0x3d, 0x9b, 0xe9));
    palette.setColor(QPalette::HighlightedText, Qt::white);
    palette.setColor(QPalette::ToolTipBase, QColor(0x22, 0x2b, 0x35));
    palette.setColor(QPalette::ToolTipText, text);
    palette.setColor(QPalette::PlaceholderText, muted);
    palette.setColor(QPalette::Mid, QColor(0x44, 0x52, 0x60));
    palette.setColor(QPalette::Link, QColor(0x6c, 0xb6, 0xff));
    palette.setColor(QPalette::Disabled, QPalette::Text, muted);
    palette.setColor(QPalette::Disabled, QPalette::WindowText, muted);
    palette.setColor(QPalette::Disabled, QPalette::ButtonText, muted);
    return palette;
}

QPalette lightPalette() {
    QPalette palette;
    const QColor text(0x1b, 0x24, 0x30);
    const QColor muted(0x5f, 0x6b, 0x78);
    palette.setColor(QPalette::Window, QColor(0xf4, 0xf6, 0xf9));
    palette.setColor(QPalette::WindowText, text);
    palette.setColor(QPalette::Base, Qt::white);
    palette.setColor(QPalette::AlternateBase, QColor(0xf6, 0xf8, 0xfa));
    palette.setColor(QPalette::Text, text);
    palette.setColor(QPalette::Button, QColor(0xee, 0xf2, 0xf6));
    palette.setColor(QPalette::ButtonText, text);
    palette.setColor(QPalette::Highlight, QColor(0x1f, 0x6f, 0xbf));
    palette.setColor(QPalette::HighlightedText, Qt::white);
    palette.setColor(QPalette::ToolTipBase, QColor(0xee, 0xf2, 0xf6));
    palette.setColor(QPalette::ToolTipText, text);
    palette.setColor(QPalette::PlaceholderText, muted);
    palette.setColor(QPalette::Mid, QColor(0xb0, 0xbb, 0xc7));
    palette.setColor(QPalette::Link, QColor(0x1f, 0x6f, 0xbf));
    palette.setColor(QPalette::Disabled, QPalette::Text, muted);
    palette.setColor(QPalette::Disabled, QPalette::WindowText, muted);
    palette.setColor(QPalette::Disabled, QPalette::ButtonText, muted);
    return palette;
}

// The widget classes Qt gives the platform theme's palette and font (QApplication's
// initializeWidgetPalettesFromTheme and initializeWidgetFontHash, Qt 6.4).
constexpr std::array kThemedPaletteClasses{
    "QToolButton",      "QAbstractButton", "QCheckBox",
    "QRadioButton",     "QHeaderView",     "QAbstractItemView",
    "QMessageBoxLabel", "QTabBar",         "QLabel",
    "QGroupBox",        "QMenu",           "QMenuBar",
    "QTextEdit",        "QTextControl",    "QLineEdit"};
constexpr std::array kThemedFontClasses{
    "QMenu",       "QMenuBar",    "QMenuItem",    "QMessageBox",           "QLabel",
    "QTipLabel",   "QTitleBar",   "QStatusBar",   "QMdiSubWindowTitleBar", "QDockWidgetTitle",
    "QPushButton", "QCheckBox",   "QRadioButton", "QToolButton",           "QAbstractItemView",
    "QListView",   "QHeaderView", "QListBox",     "QComboMenuItem",        "QComboLineEdit",
    "QSmallFont",  "QMiniFont"};

// The font of a widget class (or the application's, for nullptr) in another family, its size
// and weight kept.
void setFontFamily(const QString& family, const char* className) {
    QFont font = className != nullptr ? QApplication::font(className) : QApplication::font();
    font.setFamilies({family});
    QApplication::setFont(font, className);
}

}  // namespace

void applyTheme(QApplication& app, ThemeName theme) {
    initThemeResources();
    if (QStyle* fusion = QStyleFactory::create(QStringLiteral("Fusion"))) {
        app.setStyle(fusion);  // the same look on every desktop, and QSS applies fully
    }
    const QPalette palette = theme == ThemeName::Dark ? darkPalette() : lightPalette();
    QApplication::setPalette(palette);
    // Qt gives some widget classes the platform theme's own palette and font (Windows': black
    // text on white in a QLineEdit, Segoe UI). An application palette or font set before the
    // event loop runs leaves those in place, so they get ours too.
    for (const char* className : kThemedPaletteClasses) {
        QApplication::setPalette(palette, className);
    }
    if (QGuiApplication::platformName() == QLatin1String("windows")) {
        // Windows 10/11's UI font, and Tahoma where it is missing (older systems, Wine), rather
        // than whatever the font mapper substitutes for it (under Wine: a TeX math font).
        const QString family = QFontDatabase::hasFamily(QStringLiteral("Segoe UI"))
                                   ? QStringLiteral("Segoe UI")
                                   : QStringLiteral("Tahoma");
        setFontFamily(family, nullptr);
        for (const char* className : kThemedFontClasses) {
            setFontFamily(family, className);
        }
    }
    QFile file(theme == ThemeName::Dark ? QStringLiteral(":/theme/dark.qss")
                                        : QStringLiteral(":/theme/light.qss"));
    if (file.open(QIODevice::ReadOnly)) {
        app.setStyleSheet(QString::fromUtf8(file.readAll()));
    }
}

ThemeName themeFromString(const QString& name) {
    return name == QLatin1String("light") ? ThemeName::Light : ThemeName::Dark;
}

QString themeToString(ThemeName theme) {
    return theme == ThemeName::Light ? QStringLiteral("light") : QStringLiteral("dark");
}

QIcon themeIcon(const QString& name) {
    initThemeResources();
    // NAME-SIZE.png, rendered from NAME.svg by scripts/render-icons.sh: every size goes into the
    // icon, which picks the nearest for the size and screen scale it is drawn at.
    const QDir dir(QStringLiteral(":/theme/icons"));
    const QRegularExpression pattern(
        QStringLiteral("^%1-(\\d+)\\.png$").arg(QRegularExpression::escape(name)));
    QIcon icon;
    for (const QString& file : dir.entryList({name + QStringLiteral("-*.png")}, QDir::Files)) {
        const QRegularExpressionMatch match = pattern.match(file);
        if (match.hasMatch()) {
            const int size = match.captured(1).toInt();
            icon.addFile(dir.filePath(file), QSize(size, size));
        }
    }
    return icon;
}

}  // namespace netmon::gui
