// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fakes/temp_dir.h"

namespace netmon::bench {

// The benchmarks' own folder under $TMPDIR, removed when the program ends.
inline test::TempDir& benchDir() {
    static test::TempDir dir;
    return dir;
}

}  // namespace netmon::bench
