// SPDX-License-Identifier: GPL-3.0-or-later
// The eBPF engine in a process of its own, stopped the way the CLI stops: runs the engine on
// the interfaces named on the command line (in the namespace it was started in), prints
// "ready" (and how it is hooked in, "hooks: …", to stderr), reads the engine every 200 ms until
// SIGTERM/SIGINT (through core's StopSignal, as the CLI), destroys the engine and prints "stopped".
// The lifecycle test sends it SIGTERM or SIGKILL.
#include <cstdio>
#include <string>
#include <vector>

#include "capture/ebpf/ebpf_capture_engine.h"
#include "platform/stop_signal.h"

int main(int argc, char** argv) {
    netmon::StopSignal& stop = netmon::StopSignal::install();
    auto engine = netmon::capture::makeEbpfCaptureEngine();
    if (!engine) {
        std::fprintf(stderr, "%s\n", engine.error().describe().c_str());
        return 1;
    }
    const std::vector<std::string> names(argv + 1, argv + argc);
    if (auto attached = (*engine)->setInterfaces(names); !attached) {
        std::fprintf(stderr, "%s\n", attached.error().describe().c_str());
        return 1;
    }
    std::fprintf(stderr, "hooks: %s\n", (*engine)->detail().c_str());
    std::printf("ready\n");
    std::fflush(stdout);
    while (!stop.waitFor(std::chrono::milliseconds(200))) {
        if (auto reading = (*engine)->read(); !reading) {
            std::fprintf(stderr, "%s\n", reading.error().describe().c_str());
        }
    }
    engine->reset();
    std::printf("stopped\n");
    return 0;
}
