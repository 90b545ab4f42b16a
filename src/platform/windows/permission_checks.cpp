// SPDX-License-Identifier: GPL-3.0-or-later
#include "platform/windows/permission_checks.h"

#include "platform/windows/npcap_location.h"

namespace netmon::windows_platform {

PermissionReport permissionReport(const WindowsFacts& facts) {
    PermissionReport report;

    PermissionCheck admin{"administrator (elevated token)", facts.elevated.value_or(false), {}, {}};
    if (!facts.elevated) {
        admin.detail = facts.elevationError;
    } else {
        admin.detail = *facts.elevated ? "this process runs elevated"
                                       : "not elevated (a standard user, or UAC's filtered token)";
    }
    if (!admin.passed) {
        admin.hint =
            "start netmon from an elevated prompt (right-click Terminal or Command "
            "Prompt → Run as administrator)";
    }
    report.checks.push_back(admin);

    PermissionCheck npcap{
        "Npcap (" + facts.npcapDirectory + "\\wpcap.dll)", facts.npcapInstalled, {}, {}};
    npcap.detail = facts.npcapInstalled ? "wpcap.dll and Packet.dll found"
                                        : "not installed (no wpcap.dll and Packet.dll there)";
    if (!npcap.passed) {
        npcap.hint = kNpcapDownloadHint;
    }
    report.checks.push_back(npcap);

    PermissionCheck estats{"per-connection TCP bytes in basic mode (informational)", false, {}, {}};
    if (facts.wine) {
        estats.detail = "running under Wine " + *facts.wine +
                        ", whose TCP extended statistics are stubs: never called";
        estats.hint = "a real Windows shows them when netmon runs elevated";
    } else {
        estats.passed = facts.elevated.value_or(false);
        estats.detail = estats.passed ? "TCP extended statistics (elevated)"
                                      : "Windows gives TCP extended statistics to elevated "
                                        "processes only";
        if (!estats.passed) {
            estats.hint = admin.hint;
        }
    }
    report.checks.push_back(estats);

    report.ebpfPossible = false;
    report.pcapPossible = admin.passed && npcap.passed;
    return report;
}

}  // namespace netmon::windows_platform
