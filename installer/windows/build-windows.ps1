# Build MPI Explorer for Windows: the PyInstaller folder and an Inno Setup installer.
#
#     powershell -ExecutionPolicy Bypass -File installer\windows\build-windows.ps1
#
# Needs Python 3.10+ and Inno Setup 6 (ISCC.exe on PATH or in its default folder).
# Results: build\installer\mpi-explorer\ and build\installer\mpi-explorer-VERSION-windows-x64-setup.exe
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..\..")
$out = "build\installer"
if (-not (Test-Path .venv\Scripts\python.exe)) { python -m venv .venv }
.venv\Scripts\python -m pip install --quiet --upgrade pip
.venv\Scripts\python -m pip install --quiet -e ".[bundle]"
$version = (.venv\Scripts\python -c "import explorer; print(explorer.__version__)").Trim()
New-Item -ItemType Directory -Force "$out\icons" | Out-Null
.venv\Scripts\python installer\render_icons.py --ico "$out\icons\mpi-explorer.ico"
$env:MPI_EXPLORER_ICON_DIR = (Resolve-Path "$out\icons").Path
.venv\Scripts\pyinstaller --noconfirm --log-level WARN --distpath $out --workpath "$out\pyinstaller" installer\mpi-explorer.spec
& "$out\mpi-explorer\mpi-explorer-cli.exe" --version
$iscc = (Get-Command ISCC.exe -ErrorAction SilentlyContinue).Source
if (-not $iscc) { $iscc = "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe" }
& $iscc "/DAppVersion=$version" "/DSourceDir=$((Resolve-Path "$out\mpi-explorer").Path)" `
    "/DIconFile=$env:MPI_EXPLORER_ICON_DIR\mpi-explorer.ico" "/DOutputDir=$((Resolve-Path $out).Path)" `
    installer\windows\mpi-explorer.iss
Write-Host "built: $out\mpi-explorer\ and $out\mpi-explorer-$version-windows-x64-setup.exe"
