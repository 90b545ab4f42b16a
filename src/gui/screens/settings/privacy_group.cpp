// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/screens/settings/privacy_group.h"

#include <QCheckBox>
#include <QLabel>
#include <QVBoxLayout>

#include "gui/screens/settings/help_label.h"

namespace netmon::gui {

PrivacyGroup::PrivacyGroup(QWidget* parent)
    : QGroupBox(tr("Privacy"), parent),
      m_resolveNames(
          new QCheckBox(tr("Look up host names of remote addresses (reverse DNS)"), this)),
      m_maskAddresses(new QCheckBox(tr("Mask addresses (keep only the network part)"), this)),
      m_storeHosts(new QCheckBox(tr("Keep per-host traffic in the history database"), this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setSpacing(6);
    for (QCheckBox* box : {m_resolveNames, m_maskAddresses, m_storeHosts}) {
        layout->addWidget(box);
        connect(box, &QCheckBox::toggled, this, &PrivacyGroup::edited);
    }
    layout->addWidget(helpLabel(
        tr("Name lookups go to your DNS resolver. Masked addresses show /24 (IPv4) or /48 "
           "(IPv6) networks only."),
        this));
}

void PrivacyGroup::setConfig(const Config& config) {
    m_resolveNames->setChecked(config.privacy.resolveHostNames);
    m_maskAddresses->setChecked(config.privacy.maskAddresses);
    m_storeHosts->setChecked(config.privacy.storeHostHistory);
}

void PrivacyGroup::applyTo(Config& config) const {
    config.privacy.resolveHostNames = m_resolveNames->isChecked();
    config.privacy.maskAddresses = m_maskAddresses->isChecked();
    config.privacy.storeHostHistory = m_storeHosts->isChecked();
}

}  // namespace netmon::gui
