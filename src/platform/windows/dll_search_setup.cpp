// SPDX-License-Identifier: GPL-3.0-or-later
// Compiled into every executable that links the platform library (beside console_setup.cpp).
// Before main() runs, DLLs loaded by name at run time are looked up in the program's own folder
// and in System32 only — never in the current folder or along PATH — so a netmon run as
// administrator cannot be made to load a planted DLL (an iphlpapi.dll, a dependency of a Qt
// plugin) from wherever it was started. Load-time imports are resolved before this runs: they
// come from the program's folder, which the installer makes writable by administrators only,
// or from System32. Npcap's DLLs are loaded by full path (capture/pcap/npcap_api_windows.cpp).
#include <windows.h>

namespace netmon::windows_platform {
namespace {

struct DllSearchSetup {
    DllSearchSetup() {
        ::SetDefaultDllDirectories(LOAD_LIBRARY_SEARCH_APPLICATION_DIR |
                                   LOAD_LIBRARY_SEARCH_SYSTEM32);
    }
};

const DllSearchSetup g_dllSearchSetup;

}  // namespace
}  // namespace netmon::windows_platform
