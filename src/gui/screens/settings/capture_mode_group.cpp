// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/screens/settings/capture_mode_group.h"

#include <QButtonGroup>
#include <QLabel>
#include <QRadioButton>
#include <QVBoxLayout>
#include <algorithm>
#include <string>
#include <utility>

#include "gui/types/qt_text.h"
#include "gui/types/shown_text.h"

namespace netmon::gui {

CaptureModeGroup::CaptureModeGroup(QWidget* parent)
    : QGroupBox(tr("Capture mode"), parent), m_mode(new QButtonGroup(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setSpacing(6);
    const std::pair<CaptureMode, QString> modes[] = {
        {CaptureMode::Auto, tr("Auto — deep where this machine allows it, else basic")},
        {CaptureMode::Basic, tr("Basic — no admin rights needed")},
        {CaptureMode::Deep, tr("Deep — every packet counted per connection (needs admin rights)")}};
    for (const auto& [mode, label] : modes) {
        auto* button = new QRadioButton(label, this);
        m_mode->addButton(button, static_cast<int>(mode));
        layout->addWidget(button);
    }
    connect(m_mode, &QButtonGroup::idClicked, this, [this] {
        refreshModeText();
        Q_EMIT edited();
    });
    m_modeText = new QLabel(this);
    m_modeText->setTextFormat(Qt::PlainText);
    m_modeText->setObjectName(QStringLiteral("note"));
    m_modeText->setWordWrap(true);
    m_checks = new QLabel(this);
    m_checks->setWordWrap(true);
    m_checks->setTextFormat(Qt::RichText);
    m_checks->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addSpacing(4);
    layout->addWidget(m_modeText);
    layout->addWidget(m_checks);
}

void CaptureModeGroup::setConfig(const Config& config) {
    if (QAbstractButton* mode = m_mode->button(static_cast<int>(config.captureMode))) {
        mode->setChecked(true);
    }
    refreshModeText();
}

void CaptureModeGroup::applyTo(Config& config) const {
    config.captureMode = selected();
}

CaptureMode CaptureModeGroup::selected() const {
    return static_cast<CaptureMode>(std::max(0, m_mode->checkedId()));
}

void CaptureModeGroup::setModeDecision(const ModeDecision& decision) {
    m_decision = decision;
    refreshModeText();
}

void CaptureModeGroup::setDataSource(const DataSource& source) {
    m_source = source;
    refreshModeText();
}

void CaptureModeGroup::setPermissionReport(const PermissionReport& report) {
    m_report = report;
    m_haveReport = true;
    refreshModeText();
}

// What mode is in use and why, and what deep mode would need here (permissions probe).
void CaptureModeGroup::refreshModeText() {
    const bool service = m_source.kind == DataSource::Kind::Service;
    QString text = service ? tr("The Network Monitor service decides the mode and has the rights "
                                "it needs; this app needs none. ")
                           : QString();
    if (m_decision && m_decision->mode == MonitoringMode::Deep) {
        text += tr("In use: deep mode (%1): every packet of every flow is counted, UDP and ICMP "
                   "included; bytes are wire bytes, headers included.")
                    .arg(toQString(std::string(toString(m_decision->running))));
    } else {
        text +=
            tr("In use: basic mode. Interface totals are exact; connections show what the OS "
               "tells without admin rights (TCP byte counts, no UDP bytes).");
        if ((service || selected() != CaptureMode::Basic) && m_decision &&
            !m_decision->message.empty()) {
            text += QLatin1Char(' ') + shownText(reasonWithoutFixes(m_decision->message));
        }
    }
    m_modeText->setText(text);
    const QString offer = serviceOffer(m_source);
    if (service) {
        m_checks->clear();  // this machine's permissions are the service's business
        return;
    }
    if (!m_haveReport) {
        m_checks->setText(tr("Checking what this machine allows…"));
        return;
    }
    QString html =
        QStringLiteral("<p>%1</p><table cellspacing='3'>")
            .arg(m_report.deepModePossible() ? tr("This machine would allow deep mode:")
                                             : tr("Deep mode would need what is marked ✖:"));
    for (const PermissionCheck& check : m_report.checks) {
        html +=
            QStringLiteral("<tr><td>%1</td><td><b>%2</b><br>%3%4</td></tr>")
                .arg(check.passed ? QStringLiteral("✔") : QStringLiteral("✖"),
                     toQString(check.name).toHtmlEscaped(), toQString(check.detail).toHtmlEscaped(),
                     check.passed || check.hint.empty() || !offer.isEmpty()
                         ? QString()
                         : QStringLiteral("<br><i>%1</i>")
                               .arg(tr("Fix: %1").arg(toQString(check.hint).toHtmlEscaped())));
    }
    html += QStringLiteral("</table>");
    if (!offer.isEmpty()) {  // instead of a setcap line per check, which only fits the CLI
        html += QStringLiteral("<p><b>%1</b></p>").arg(offer.toHtmlEscaped());
    }
    m_checks->setText(html);
}

QString CaptureModeGroup::modeText() const {
    return m_modeText->text() + QLatin1Char('\n') + m_checks->text();
}

}  // namespace netmon::gui
