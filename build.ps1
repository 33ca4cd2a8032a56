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

function Get-BuildInputs {
    $inputs = @('build', 'source') | ForEach-Object { Get-ChildItem (Join-Path $Root $_) -Recurse -File } |
        Where-Object { $_.FullName -notmatch '[\\/](bin|obj)[\\/]' }
    $inputs += @('global.json', 'Directory.Build.props', 'Directory.Packages.props') | ForEach-Object { Get-Item (Join-Path $Root $_) }
    return $inputs
}

# The same content hash as build.sh's (sha256sum lines of the root-relative paths, sorted bytewise, hashed again), kept
# in the compiled build: a CI job that received that folder has a fresh checkout whose file times say nothing.
function Get-SourceHash {
    $files = @{}
    foreach ($file in Get-BuildInputs) { $files[[System.IO.Path]::GetRelativePath($Root, $file.FullName).Replace('\', '/')] = $file.FullName }
    $paths = [string[]]$files.Keys
    [Array]::Sort($paths, [StringComparer]::Ordinal)
    $text = ($paths | ForEach-Object { "$((Get-FileHash -Algorithm SHA256 -LiteralPath $files[$_]).Hash.ToLowerInvariant())  $_`n" }) -join ''
    $bytes = [System.Text.Encoding]::UTF8.GetBytes($text)
    return [Convert]::ToHexString([System.Security.Cryptography.SHA256]::HashData($bytes)).ToLowerInvariant()
}

function Test-NeedsCompile {
    if (-not (Test-Path (Join-Path $Bin '_build.dll'))) { return $true }
    if (Test-Path $Stamp) {
        $since = (Get-Item $Stamp).LastWriteTimeUtc
        if (-not (Get-BuildInputs | Where-Object { $_.LastWriteTimeUtc -gt $since } | Select-Object -First 1)) { return $false }
    }
    $recorded = Join-Path $Bin 'compiled-from.sha256'
    if ((Test-Path $recorded) -and (Get-Content $recorded -Raw).Trim() -eq (Get-SourceHash)) {
        New-Item -ItemType File -Force -Path $Stamp | Out-Null
        return $false
    }
    return $true
}

New-Item -ItemType Directory -Force -Path $Temp | Out-Null
if (Test-NeedsCompile) {
    Write-Host 'Compiling the build project (build/ or source/ changed)...'
    $next = "$Stamp.next"; New-Item -ItemType File -Force -Path $next | Out-Null
    $sourceHash = Get-SourceHash
    & $Dotnet build (Join-Path $Root 'build/_build.csproj') -c Release -o $Bin --nologo -v quiet -clp:NoSummary
    if ($LASTEXITCODE -ne 0) { Write-Error 'The build project did not compile; fix the errors above (file and line shown).'; exit 1 }
    Set-Content -NoNewline -Path (Join-Path $Bin 'compiled-from.sha256') -Value "$sourceHash`n"
    Move-Item -Force $next $Stamp
}

& $Dotnet (Join-Path $Bin '_build.dll') @args --root $Root
exit $LASTEXITCODE
