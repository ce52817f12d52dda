; Loket's additions to electron-builder's NSIS installer (nsis.include in electron-builder.yml).
; - A page to choose the machine's data folder (default %ProgramData%\Loket), shared by every
;   Windows account on the desk PC: created here, made writable for Users, and written to
;   $INSTDIR\loket-machine.json (UTF-16LE), which the app reads (electron/main/machine-config.ts).
; - An option to start Loket in kiosk mode at every login (a shortcut with --kiosk in the
;   all-users Startup folder).
; Silent installs (/S): /DATADIR=<folder> and /KIOSK choose the same without a page.

!include "FileFunc.nsh"
!include "WordFunc.nsh"

!macro customHeader
  Var LoketDataDir
  Var LoketKiosk
!macroend

!macro customInit
  ReadEnvStr $0 PROGRAMDATA
  StrCpy $LoketDataDir "$0\Loket"
  StrCpy $LoketKiosk "0"
  ${GetParameters} $1
  ClearErrors
  ${GetOptions} $1 "/DATADIR=" $2
  ${IfNot} ${Errors}
    StrCpy $LoketDataDir $2
  ${EndIf}
  ClearErrors
  ${GetOptions} $1 "/KIOSK" $2
  ${IfNot} ${Errors}
    StrCpy $LoketKiosk "1"
  ${EndIf}
!macroend

!macro customPageAfterChangeDir
  PageEx directory
    DirVar $LoketDataDir
    DirText "Pilih folder data Loket. Folder ini dipakai bersama oleh semua akun Windows di komputer ini dan menyimpan basis data serta dokumen. / Choose Loket's data folder, shared by every Windows account on this computer." "Folder data Loket / Loket data folder" "Telusuri... / Browse..."
  PageExEnd
!macroend

!macro customInstall
  ClearErrors
  CreateDirectory "$LoketDataDir"
  ${If} ${Errors}
    MessageBox MB_OK|MB_ICONSTOP "Folder data $LoketDataDir tidak dapat dibuat. / The data folder $LoketDataDir cannot be created." /SD IDOK
    Abort
  ${EndIf}
  ; Users (S-1-5-32-545) may change what is inside; SYSTEM and Administrators keep full control.
  nsExec::ExecToLog 'icacls "$LoketDataDir" /grant *S-1-5-32-545:(OI)(CI)M /T /Q'
  Pop $0
  ${WordReplace} "$LoketDataDir" "\" "\\" "+" $1
  ${WordReplace} "$1" '"' '\"' "+" $1
  FileOpen $2 "$INSTDIR\loket-machine.json" w
  FileWriteWord $2 0xFEFF
  FileWriteUTF16LE $2 '{"dataDir":"$1"}'
  FileClose $2

  ${If} $LoketKiosk != "1"
    MessageBox MB_YESNO|MB_ICONQUESTION "Jalankan Loket dalam mode kios setiap kali pengguna masuk (login) ke Windows? / Start Loket in kiosk mode at every Windows login?" /SD IDNO IDNO loketNoKiosk
    StrCpy $LoketKiosk "1"
    loketNoKiosk:
  ${EndIf}
  ${If} $LoketKiosk == "1"
    SetShellVarContext all
    CreateShortCut "$SMSTARTUP\Loket (kios).lnk" "$INSTDIR\${APP_EXECUTABLE_FILENAME}" "--kiosk"
  ${EndIf}
!macroend

!macro customUnInstall
  ; The data folder stays: it holds the office's database. Only what the installer added goes.
  SetShellVarContext all
  Delete "$SMSTARTUP\Loket (kios).lnk"
  Delete "$INSTDIR\loket-machine.json"
!macroend
