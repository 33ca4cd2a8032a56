#!/usr/bin/env pwsh
# Bootstrap: finds the .NET SDK named in global.json, compiles build/ only when its sources changed, then runs it.
$ErrorActionPreference = 'Stop'
$Root = $PSScriptRoot
$Temp = Join-Path $Root '.nuke/temp'
$Bin = Join-Path $Temp 'bin'
$Stamp = Join-Path $Temp 'build.stamp'
$SdkVersion = (Get-Content (Join-Path $Root 'global.json') | ConvertFrom-Json).sdk.version

$Dotnet = (Get-Command dotnet -ErrorAction SilentlyContinue)?.Source
if (-not $Dotnet) {
    foreach ($candidate in @("$env:DOTNET_ROOT/dotnet", "$HOME/.dotnet/dotnet", "$env:ProgramFiles/dotnet/dotnet.exe")) {
        if ($candidate -and (Test-Path $candidate)) { $Dotnet = $candidate; break }
    }
}
if (-not $Dotnet) {
    Write-Error "The .NET SDK $SdkVersion (global.json) was not found on PATH, in DOTNET_ROOT or in ~/.dotnet. Install it (dotnet-install.ps1 -Version $SdkVersion) and put 'dotnet' on PATH."
    exit 127
}
$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'; $env:DOTNET_NOLOGO = '1'
# The build's usage line names the script that started it (Release.Engine's HelpWriter).
$env:RELEASE_SCRIPT_NAME = 'build.ps1'

Push-Location $Root
try { & $Dotnet --version *> $null; $sdkOk = $LASTEXITCODE -eq 0 } finally { Pop-Location }
if (-not $sdkOk) {
    Write-Error "'dotnet' at $Dotnet cannot provide SDK $SdkVersion required by global.json. Install SDK $SdkVersion."
    exit 127
}

function Test-NeedsCompile {
    if (-not (Test-Path $Stamp) -or -not (Test-Path (Join-Path $Bin '_build.dll'))) { return $true }
    $since = (Get-Item $Stamp).LastWriteTimeUtc
    $inputs = @('build', 'source') | ForEach-Object { Get-ChildItem (Join-Path $Root $_) -Recurse -File } |
        Where-Object { $_.FullName -notmatch '[\\/](bin|obj)[\\/]' }
    $inputs += @('global.json', 'Directory.Build.props', 'Directory.Packages.props') | ForEach-Object { Get-Item (Join-Path $Root $_) }
    return [bool]($inputs | Where-Object { $_.LastWriteTimeUtc -gt $since } | Select-Object -First 1)
}

New-Item -ItemType Directory -Force -Path $Temp | Out-Null
if (Test-NeedsCompile) {
    Write-Host 'Compiling the build project (build/ or source/ changed)...'
    $next = "$Stamp.next"; New-Item -ItemType File -Force -Path $next | Out-Null
    & $Dotnet build (Join-Path $Root 'build/_build.csproj') -c Release -o $Bin --nologo -v quiet -clp:NoSummary
    if ($LASTEXITCODE -ne 0) { Write-Error 'The build project did not compile; fix the errors above (file and line shown).'; exit 1 }
    Move-Item -Force $next $Stamp
}

& $Dotnet (Join-Path $Bin '_build.dll') @args --root $Root
exit $LASTEXITCODE
