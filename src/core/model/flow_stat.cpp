// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/model/flow_stat.h"

namespace netmon {

std::string_view toString(OwnerVisibility visibility) {
    switch (visibility) {
        case OwnerVisibility::Known:
            return "known";
        case OwnerVisibility::NeedsAdmin:
            return "needs-admin";
        case OwnerVisibility::NoOwner:
            break;
    }
    return "none";
}

bool isActive(const FlowStat& flow) {
    return !flow.listening && flow.state != "TIME_WAIT" && flow.state != "CLOSE";
}

}  // namespace netmon
