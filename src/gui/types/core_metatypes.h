// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMetaType>

#include "core/config.h"
#include "core/permission_report.h"

// Core's values that cross threads in queued signals or ride in QVariants. Declared once, here,
// and included by every header whose signals or slots carry them: a declaration must come
// before any use in a translation unit, and moc's files are compiled together in one.
Q_DECLARE_METATYPE(netmon::Config)
Q_DECLARE_METATYPE(netmon::PermissionReport)
