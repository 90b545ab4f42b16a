// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/model/snapshot.h"

#include "core/enum_names.h"

namespace netmon {

std::string_view toString(MonitoringMode mode) {
    return mode == MonitoringMode::Deep ? "deep" : "basic";
}

std::optional<MonitoringMode> parseMonitoringMode(std::string_view text) {
    return enumFromName(text, {MonitoringMode::Basic, MonitoringMode::Deep});
}

}  // namespace netmon
