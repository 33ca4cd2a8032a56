#!/usr/bin/env pwsh
# Bootstrap of the Release build: compiles build/ (from the ReleaseKit packages) only when it changed, then runs it.
$ErrorActionPreference = 'Stop'
$Root = $PSScriptRoot
$Temp = Join-Path $Root '.nuke/temp'
$Bin = Join-Path $Temp 'bin'
$Stamp = Join-Path $Temp 'compiled.stamp'
$Dotnet = (Get-Command dotnet -ErrorAction SilentlyContinue)?.Source
if (-not $Dotnet) {
    foreach ($candidate in @("$env:DOTNET_ROOT/dotnet", "$HOME/.dotnet/dotnet", "$env:ProgramFiles/dotnet/dotnet.exe")) {
        if ($candidate -and (Test-Path $candidate)) { $Dotnet = $candidate; break }
    }
}
if (-not $Dotnet) { Write-Error "The .NET SDK was not found on PATH, in DOTNET_ROOT or in ~/.dotnet; install it and put 'dotnet' on PATH."; exit 127 }
$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'; $env:DOTNET_NOLOGO = '1'
# The build's usage line names the script that started it.
$env:RELEASE_SCRIPT_NAME = 'build.ps1'

function Test-NeedsCompile {
    if (-not (Test-Path $Stamp) -or -not (Test-Path (Join-Path $Bin '_build.dll'))) { return $true }
    $since = (Get-Item $Stamp).LastWriteTimeUtc
    $changed = Get-ChildItem (Join-Path $Root 'build') -Recurse -File | Where-Object { $_.FullName -notmatch '[\\/](bin|obj)[\\/]' -and $_.LastWriteTimeUtc -gt $since }
    return [bool]($changed | Select-Object -First 1)
}

if (Test-NeedsCompile) {
    Write-Host 'Compiling the build project (build/ changed)...'
    New-Item -ItemType Directory -Force -Path $Temp | Out-Null
    & $Dotnet build (Join-Path $Root 'build/_build.csproj') -c Release -o $Bin --nologo -v quiet -clp:NoSummary
    if ($LASTEXITCODE -ne 0) { Write-Error 'The build project did not compile; fix the errors above (file and line shown).'; exit 1 }
    New-Item -ItemType File -Force -Path $Stamp | Out-Null
}
& $Dotnet (Join-Path $Bin '_build.dll') @args --root $Root
exit $LASTEXITCODE
