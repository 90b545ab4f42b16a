// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/model/flow_stat.h"

#include "core/enum_names.h"

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

std::optional<OwnerVisibility> parseOwnerVisibility(std::string_view text) {
    return enumFromName(
        text, {OwnerVisibility::Known, OwnerVisibility::NeedsAdmin, OwnerVisibility::NoOwner});
}

bool isActive(const FlowStat& flow) {
    return !flow.listening && flow.state != "TIME_WAIT" && flow.state != "CLOSE";
}

}  // namespace netmon
