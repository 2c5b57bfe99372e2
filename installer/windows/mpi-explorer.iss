; Inno Setup script for MPI Explorer on Windows: installs the PyInstaller folder, a Start-menu
; shortcut (and optionally one on the desktop), and an uninstaller.
; Built by installer\windows\build-windows.ps1, which passes the version and the folders:
;   ISCC /DAppVersion=0.1.0 /DSourceDir=..\..\build\installer\mpi-explorer /DIconFile=... /DOutputDir=... mpi-explorer.iss
; On Windows the app works with Azure Batch accounts; Local Batch runs on Linux only.

#ifndef AppVersion
  #error Pass /DAppVersion=X.Y.Z (build-windows.ps1 reads it from explorer\__init__.py)
#endif

[Setup]
AppId={{6B0F4C1E-3C55-4E1B-9F1C-5E3C0B7A9D21}
AppName=MPI Explorer
AppVersion={#AppVersion}
AppPublisher=The MPI Explorer authors
AppPublisherURL=https://github.com/mpi-explorer/mpi-explorer
DefaultDirName={autopf}\MPI Explorer
DefaultGroupName=MPI Explorer
DisableProgramGroupPage=yes
LicenseFile=..\..\LICENSE
OutputDir={#OutputDir}
OutputBaseFilename=mpi-explorer-{#AppVersion}-windows-x64-setup
SetupIconFile={#IconFile}
UninstallDisplayIcon={app}\mpi-explorer.exe
Compression=lzma2
SolidCompression=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
PrivilegesRequiredOverridesAllowed=dialog
WizardStyle=modern

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\MPI Explorer"; Filename: "{app}\mpi-explorer.exe"
Name: "{group}\Uninstall MPI Explorer"; Filename: "{uninstallexe}"
Name: "{autodesktop}\MPI Explorer"; Filename: "{app}\mpi-explorer.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\mpi-explorer.exe"; Description: "{cm:LaunchProgram,MPI Explorer}"; Flags: nowait postinstall skipifsilent
