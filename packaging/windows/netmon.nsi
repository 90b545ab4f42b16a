; SPDX-License-Identifier: GPL-3.0-or-later
; Network Monitor's Windows installer (NSIS 3, 64-bit Unicode target). scripts/build-windows.sh
; builds it:
;   makensis -DNETMON_VERSION=0.1.0 -DNETMON_EXE=build-windows/src/cli/netmon.exe
;            -DNETMON_OUTFILE=build-windows/packaging/windows/NetworkMonitor-0.1.0-setup.exe
;            packaging/windows/netmon.nsi
; Installs netmon.exe into Program Files, a Start-menu folder (the live view, doctor, the
; uninstaller), and an entry in Add/Remove Programs. Silent: /S (and /D=folder); the
; uninstaller takes /S too. Npcap is not bundled (its licence wants its own installer): deep
; mode tells users where to get it.
Unicode true
Target amd64-unicode
SetCompressor /SOLID lzma
RequestExecutionLevel admin
ManifestSupportedOS Win10

!include "MUI2.nsh"
!include "x64.nsh"
!include "LogicLib.nsh"

!ifndef NETMON_VERSION
  !error "define NETMON_VERSION"
!endif
!ifndef NETMON_EXE
  !error "define NETMON_EXE (the cross-built netmon.exe)"
!endif
!ifndef NETMON_OUTFILE
  !define NETMON_OUTFILE "NetworkMonitor-${NETMON_VERSION}-setup.exe"
!endif

!define PRODUCT "Network Monitor"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\NetworkMonitor"
!define START_MENU "$SMPROGRAMS\${PRODUCT}"

Name "${PRODUCT}"
OutFile "${NETMON_OUTFILE}"
InstallDir "$PROGRAMFILES64\${PRODUCT}"
InstallDirRegKey HKLM "${UNINSTALL_KEY}" "InstallLocation"
VIProductVersion "${NETMON_VERSION}.0"
VIAddVersionKey "ProductName" "${PRODUCT}"
VIAddVersionKey "FileDescription" "${PRODUCT} installer"
VIAddVersionKey "FileVersion" "${NETMON_VERSION}"
VIAddVersionKey "ProductVersion" "${NETMON_VERSION}"
VIAddVersionKey "LegalCopyright" "GPL-3.0-or-later"

!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "English"

Function .onInit
  ${IfNot} ${RunningX64}
    MessageBox MB_OK|MB_ICONSTOP "${PRODUCT} needs 64-bit Windows 10 or later." /SD IDOK
    Abort
  ${EndIf}
  SetRegView 64
  SetShellVarContext all
FunctionEnd

Function un.onInit
  SetRegView 64
  SetShellVarContext all
FunctionEnd

Section "Network Monitor" SecMain
  SectionIn RO
  SetOutPath "$INSTDIR"
  File "/oname=netmon.exe" "${NETMON_EXE}"
  WriteUninstaller "$INSTDIR\Uninstall.exe"

  ; netmon is a console program: the shortcuts open a console running it.
  CreateDirectory "${START_MENU}"
  CreateShortcut "${START_MENU}\${PRODUCT}.lnk" "$SYSDIR\cmd.exe" \
    '/k ""$INSTDIR\netmon.exe" watch"' "$INSTDIR\netmon.exe" 0
  CreateShortcut "${START_MENU}\${PRODUCT} - what this PC allows (doctor).lnk" "$SYSDIR\cmd.exe" \
    '/k ""$INSTDIR\netmon.exe" doctor"' "$INSTDIR\netmon.exe" 0
  CreateShortcut "${START_MENU}\Uninstall ${PRODUCT}.lnk" "$INSTDIR\Uninstall.exe"

  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayName" "${PRODUCT}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayVersion" "${NETMON_VERSION}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "Publisher" "Network Monitor developers"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\netmon.exe"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\Uninstall.exe"'
  WriteRegStr HKLM "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\Uninstall.exe" /S'
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "NoRepair" 1
  SectionGetSize ${SecMain} $0
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "EstimatedSize" $0
SectionEnd

Section "Uninstall"
  Delete "$INSTDIR\netmon.exe"
  Delete "$INSTDIR\Uninstall.exe"
  RMDir "$INSTDIR"
  Delete "${START_MENU}\${PRODUCT}.lnk"
  Delete "${START_MENU}\${PRODUCT} - what this PC allows (doctor).lnk"
  Delete "${START_MENU}\Uninstall ${PRODUCT}.lnk"
  RMDir "${START_MENU}"
  DeleteRegKey HKLM "${UNINSTALL_KEY}"
  ; Settings (%APPDATA%\NetworkMonitor) and history (%LOCALAPPDATA%\NetworkMonitor) are the
  ; user's: they stay.
SectionEnd
