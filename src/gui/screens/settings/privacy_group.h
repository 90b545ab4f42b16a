// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QGroupBox>

#include "core/config.h"

class QCheckBox;

namespace netmon::gui {

// "Privacy": reverse DNS, masked addresses, per-host history.
class PrivacyGroup : public QGroupBox {
    Q_OBJECT
public:
    explicit PrivacyGroup(QWidget* parent = nullptr);

    void setConfig(const Config& config);
    void applyTo(Config& config) const;

Q_SIGNALS:
    void edited();

private:
    QCheckBox* m_resolveNames;
    QCheckBox* m_maskAddresses;
    QCheckBox* m_storeHosts;
};

}  // namespace netmon::gui
