// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <vector>

#include "core/sources/captured_flow.h"

namespace netmon::capture {

// One flow per FlowKey in a reading: flows that share one (the same 5-tuple on two
// interfaces, or two IP protocols core calls Other) become one, counts added up, in the order
// each key first came; the first owner found stays. A reading without such flows (nearly
// always) is left as it is, found with a sort of their keys' hashes: nothing is kept between
// readings.
void mergeSharedFlowKeys(std::vector<CapturedFlow>& flows);

}  // namespace netmon::capture
