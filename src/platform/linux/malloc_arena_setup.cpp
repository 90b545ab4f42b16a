// SPDX-License-Identifier: GPL-3.0-or-later
// Linked into the programs we ship (netmon, netmon-gui) as their netmon_program_setup. Before
// main() runs, every thread allocates from one glibc malloc arena. With one arena per thread,
// the buffers a tick frees on the monitor thread were kept apart from the writer's and the
// main thread's: under a full flow table (65,536 flows a tick) that cost about 10 MiB of peak
// memory and some CPU (bench/flood_record.sh). Our threads allocate little at the same time.
#include <malloc.h>

namespace netmon::linux_platform {
namespace {

struct MallocArenaSetup {
    MallocArenaSetup() { ::mallopt(M_ARENA_MAX, 1); }
};

const MallocArenaSetup g_mallocArenaSetup;

}  // namespace
}  // namespace netmon::linux_platform
