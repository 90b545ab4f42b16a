// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/model/snapshot.h"

namespace netmon {

std::string_view toString(MonitoringMode mode) {
    return mode == MonitoringMode::Deep ? "deep" : "basic";
}

}  // namespace netmon
