// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <filesystem>

#include "capture/pcap/pcap_api.h"
#include "core/result.h"

namespace netmon::capture {

// Windows: Npcap's libpcap, loaded at run time from `directory` by full path only
// (%SystemRoot%\System32\Npcap: wpcap.dll with Packet.dll beside it) — no link-time dependency,
// and never a bare "wpcap.dll", which Wine (its own wpcap) and old WinPcap installs answer with
// something else. The DLLs stay loaded for the life of the process (pcap handles may live until
// its end); a second call returns the same API, or an error for another directory.
//
// The API is libpcap's, with four entries adapted so the engine runs unchanged:
// - create: takes netmon's interface names (aliases such as "Ethernet") and opens the Npcap
//   device of that adapter ("\Device\NPF_{GUID}"); "lo" is Npcap's loopback adapter;
// - setdirection: Npcap has none, so it installs a driver-side filter on the frame's source MAC
//   (see npcap_direction.h), and dispatch re-checks each frame by the same rule (frames that
//   reached the buffer before the filter); adapters without a MAC have a received side only;
// - get_selectable_fd: the handle's read event (pcap_getevent) as an int, for ReadinessWait.
// linkedPcapApi() is this, loaded from Npcap's directory; where that fails, every call fails
// with the reason and where to get Npcap.
Result<const PcapApi*> loadNpcapApi(const std::filesystem::path& directory);

}  // namespace netmon::capture
