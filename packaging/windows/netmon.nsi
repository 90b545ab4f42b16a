; SPDX-License-Identifier: GPL-3.0-or-later
; Network Monitor's Windows installer (NSIS 3, 64-bit Unicode target). scripts/build-windows.sh
; builds it:
;   makensis -DNETMON_VERSION=0.1.0 -DNETMON_EXE=build-windows/src/cli/netmon.exe
;            -DNETMON_OUTFILE=build-windows/packaging/windows/NetworkMonitor-0.1.0-setup.exe
;            [-DNETMON_SERVICE_EXE=build-windows/src/service/netmond.exe]
;            [-DNETMON_GUI_DIR=build-windows/packaging/windows/gui
;             -DNETMON_GUI_FILES=build-windows/packaging/windows/gui-files.nsh
;             -DNETMON_ICON=src/gui/theme/icons/app.ico]
;            packaging/windows/netmon.nsi
; Installs netmon.exe (and, with NETMON_GUI_DIR, the desktop app netmon-gui.exe with exactly the
; Qt and runtime DLLs scripts/windows/deploy-gui.sh laid out) into Program Files, a Start-menu
; folder, optionally a desktop shortcut and a start at sign-in (to the tray), and an entry in
; Add/Remove Programs with the app's icon; with NETMON_SERVICE_EXE, the service netmond (a
; component, checked by default) registered to start at boot and started. A page says whether Npcap is installed and what deep
; mode needs. Silent: /S (and /D=folder); the uninstaller takes /S too. Npcap is not bundled
; (its licence wants its own installer).
Unicode true
Target amd64-unicode
SetCompressor /SOLID lzma
RequestExecutionLevel admin
ManifestSupportedOS Win10

!include "MUI2.nsh"
!include "x64.nsh"
!include "LogicLib.nsh"
!include "nsDialogs.nsh"
!include "FileFunc.nsh"
!include "Sections.nsh"

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

!define RUN_KEY "Software\Microsoft\Windows\CurrentVersion\Run"

!ifdef NETMON_ICON
  !define MUI_ICON "${NETMON_ICON}"
  !define MUI_UNICON "${NETMON_ICON}"
!endif
!ifdef NETMON_GUI_DIR
  !define MAIN_EXE "netmon-gui.exe"
!else
  !define MAIN_EXE "netmon.exe"
!endif

!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
Page custom DeepModePage
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "English"

Function un.onInit
  SetRegView 64
  SetShellVarContext all
FunctionEnd

Section "Network Monitor" SecMain
  SectionIn RO
!ifdef NETMON_GUI_DIR
  Call RefuseUnprotectedAutostart  ; before anything is written
!endif
  SetOutPath "$INSTDIR"
  File "/oname=netmon.exe" "${NETMON_EXE}"
!ifdef NETMON_GUI_DIR
  File /r "${NETMON_GUI_DIR}\*.*"
!endif
  WriteUninstaller "$INSTDIR\Uninstall.exe"

  CreateDirectory "${START_MENU}"
!ifdef NETMON_GUI_DIR
  CreateShortcut "${START_MENU}\${PRODUCT}.lnk" "$INSTDIR\netmon-gui.exe"
  !define CONSOLE_LINK "${PRODUCT} (console live view).lnk"
!else
  !define CONSOLE_LINK "${PRODUCT}.lnk"
!endif
  ; netmon is a console program: its shortcuts open a console running it.
  CreateShortcut "${START_MENU}\${CONSOLE_LINK}" "$SYSDIR\cmd.exe" \
    '/k ""$INSTDIR\netmon.exe" watch"' "$INSTDIR\netmon.exe" 0
  CreateShortcut "${START_MENU}\${PRODUCT} - what this PC allows (doctor).lnk" "$SYSDIR\cmd.exe" \
    '/k ""$INSTDIR\netmon.exe" doctor"' "$INSTDIR\netmon.exe" 0
  CreateShortcut "${START_MENU}\Uninstall ${PRODUCT}.lnk" "$INSTDIR\Uninstall.exe"

  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayName" "${PRODUCT}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayVersion" "${NETMON_VERSION}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "Publisher" "Network Monitor developers"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\${MAIN_EXE},0"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\Uninstall.exe"'
  WriteRegStr HKLM "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\Uninstall.exe" /S'
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "NoRepair" 1
  SectionGetSize ${SecMain} $0
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "EstimatedSize" $0
SectionEnd

; Stops the service netmond if it runs (net stop waits until it has), then waits for its
; process to let go of netmond.exe. Shared by the installer (an upgrade) and the uninstaller.
!macro STOP_SERVICE un
Function ${un}StopService
  nsExec::ExecToLog '"$SYSDIR\net.exe" stop netmond'
  Pop $0
  StrCpy $1 0
  ${DoWhile} $1 < 40
    ClearErrors
    FileOpen $2 "$INSTDIR\netmond.exe" a
    ${IfNot} ${Errors}
      FileClose $2
      ${Break}
    ${EndIf}
    ${IfNot} ${FileExists} "$INSTDIR\netmond.exe"
      ${Break}
    ${EndIf}
    Sleep 250
    IntOp $1 $1 + 1
  ${Loop}
FunctionEnd
!macroend
!insertmacro STOP_SERVICE ""
!insertmacro STOP_SERVICE "un."

!ifdef NETMON_SERVICE_EXE
; netmond.exe as the Windows service "Network Monitor": one monitor and history for the machine,
; which netmon and the app ask through its pipe. Registered to start at boot (run by the service
; manager as LocalSystem) and started now. A service of an earlier install is stopped first (its
; program is replaced) and its registration updated.
Section "Network Monitor service" SecService
  Call StopService
  SetOutPath "$INSTDIR"
  File "/oname=netmond.exe" "${NETMON_SERVICE_EXE}"
  nsExec::ExecToLog '"$SYSDIR\sc.exe" create netmond binPath= "\"$INSTDIR\netmond.exe\"" \
    start= auto DisplayName= "${PRODUCT}"'
  Pop $0
  ${If} $0 != 0
    nsExec::ExecToLog '"$SYSDIR\sc.exe" config netmond binPath= "\"$INSTDIR\netmond.exe\"" \
      start= auto DisplayName= "${PRODUCT}"'
    Pop $0
  ${EndIf}
  nsExec::ExecToLog '"$SYSDIR\sc.exe" description netmond "Network history for netmon and the app"'
  Pop $0
  nsExec::ExecToLog '"$SYSDIR\net.exe" start netmond'
  Pop $0
SectionEnd
!endif

!ifdef NETMON_GUI_DIR
Section "Desktop shortcut" SecDesktop
  CreateShortcut "$DESKTOP\${PRODUCT}.lnk" "$INSTDIR\netmon-gui.exe"
SectionEnd

; Off unless ticked on the components page, or /SIGNIN on a silent install's command line.
Section /o "Start at sign-in (in the tray)" SecSignIn
  WriteRegStr HKLM "${RUN_KEY}" "NetworkMonitor" '"$INSTDIR\netmon-gui.exe" --tray'
SectionEnd
!endif

!ifdef NETMON_GUI_DIR
; An all-users start at sign-in runs the app for everyone who signs in, administrators included,
; so it must come from a folder only administrators can change: Program Files (its ACL says so
; and its subfolders inherit it). A custom folder elsewhere may be one any user can write (a
; planted DLL beside netmon-gui.exe would run as the next administrator to sign in): with the
; start at sign-in chosen, it is refused before anything is written (exit code 2). Without
; it, any folder will do. "..", other spellings of the path and short (8.3) names count as
; "elsewhere".
Function RefuseUnprotectedAutostart
  ${IfNot} ${SectionIsSelected} ${SecSignIn}
    Return
  ${EndIf}
  StrCpy $0 "$PROGRAMFILES64\"
  StrLen $1 $0
  StrCpy $2 "$INSTDIR" $1  ; as many characters as Program Files' path has (case ignored below)
  StrCpy $3 0              ; whether $INSTDIR holds ".."
  StrCpy $4 0
  ${Do}
    StrCpy $5 "$INSTDIR" 2 $4
    ${If} $5 == ""
      ${Break}
    ${EndIf}
    ${If} $5 == ".."
    ${OrIf} $5 == "~1"
      StrCpy $3 1
    ${EndIf}
    IntOp $4 $4 + 1
  ${Loop}
  ${If} $2 == $0
  ${AndIf} $3 == 0
    Return
  ${EndIf}
  MessageBox MB_OK|MB_ICONSTOP "Start at sign-in is for everyone who signs in, so ${PRODUCT} \
    must then be installed under $PROGRAMFILES64, which only administrators can change. \
    $\r$\n$\r$\n$INSTDIR is not there. Choose a folder under $PROGRAMFILES64, or install \
    without start at sign-in." /SD IDOK
  SetErrorLevel 2
  Abort
FunctionEnd
!endif

; After the sections, whose flags it sets from the command line: /SIGNIN starts the app at
; sign-in, /NODESKTOP leaves the desktop shortcut out (for silent installs).
Function .onInit
  ${IfNot} ${RunningX64}
    MessageBox MB_OK|MB_ICONSTOP "${PRODUCT} needs 64-bit Windows 10 or later." /SD IDOK
    Abort
  ${EndIf}
  SetRegView 64
  SetShellVarContext all
!ifdef NETMON_GUI_DIR
  ${GetParameters} $R0
  ClearErrors
  ${GetOptions} $R0 "/SIGNIN" $R1
  ${IfNot} ${Errors}
    SectionSetFlags ${SecSignIn} ${SF_SELECTED}
  ${EndIf}
  ClearErrors
  ${GetOptions} $R0 "/NODESKTOP" $R1
  ${IfNot} ${Errors}
    SectionSetFlags ${SecDesktop} 0
  ${EndIf}
!endif
FunctionEnd

; Whether deep mode can work here: Npcap present, and what else it needs.
Var NpcapText
Function DeepModePage
  ${If} ${FileExists} "$SYSDIR\Npcap\wpcap.dll"
    StrCpy $NpcapText "Npcap is installed.$\r$\n$\r$\nDeep mode (every packet counted per \
connection, for every program and user) works when ${PRODUCT} runs as administrator; \
without admin rights it runs in basic mode: interface totals, and connections with their \
programs."
  ${Else}
    StrCpy $NpcapText "Npcap is not installed.$\r$\n$\r$\n${PRODUCT} runs in basic mode: \
interface totals, and connections with their programs. For deep mode (every packet counted \
per connection, for every program and user), install Npcap from https://npcap.com (its \
licence does not let us bundle it) and run ${PRODUCT} as administrator. 'netmon doctor' \
lists what this PC allows."
  ${EndIf}
  !insertmacro MUI_HEADER_TEXT "Deep mode" "What counting every packet needs on this PC"
  nsDialogs::Create 1018
  Pop $0
  ${NSD_CreateLabel} 0 0 100% 100% "$NpcapText"
  Pop $0
  nsDialogs::Show
FunctionEnd

Section "Uninstall"
  ; The service first: stopped, unregistered, then its program can go.
  Call un.StopService
  nsExec::ExecToLog '"$SYSDIR\sc.exe" delete netmond'
  Pop $0
  Delete "$INSTDIR\netmond.exe"
  Delete "$INSTDIR\netmon.exe"
!ifdef NETMON_GUI_FILES
  ; Exactly the files the installer laid out (written by scripts/build-windows.sh).
  !include "${NETMON_GUI_FILES}"
!endif
  Delete "$INSTDIR\Uninstall.exe"
  RMDir "$INSTDIR"
  Delete "${START_MENU}\${PRODUCT}.lnk"
  Delete "${START_MENU}\${PRODUCT} (console live view).lnk"
  Delete "${START_MENU}\${PRODUCT} - what this PC allows (doctor).lnk"
  Delete "${START_MENU}\Uninstall ${PRODUCT}.lnk"
  RMDir "${START_MENU}"
  Delete "$DESKTOP\${PRODUCT}.lnk"
  DeleteRegValue HKLM "${RUN_KEY}" "NetworkMonitor"
  DeleteRegKey HKLM "${UNINSTALL_KEY}"
  ; Settings (%APPDATA%\NetworkMonitor) and history (%LOCALAPPDATA%\NetworkMonitor) are the
  ; user's: they stay.
SectionEnd
