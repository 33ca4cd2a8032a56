namespace Release.Distribution.Tests.Support;

/// <summary>
/// PowerShell 7 for the build.ps1 tests: the PowerShell dotnet tool, installed once into a cache folder under the
/// system temp folder (kept between runs). When it cannot be installed the test fails with dotnet's output: no skip.
/// </summary>
internal static class PowerShell
{
    public const string Version = "7.6.10";

    /// <summary>Returns the path of pwsh, installing it first when the cache does not hold it.</summary>
    public static async Task<string> EnsureInstalledAsync(CancellationToken ct)
    {
        var folder = Path.Combine(Path.GetTempPath(), "release-test-cache", $"pwsh-{Version}");
        var pwsh = Path.Combine(folder, "pwsh");
        if (File.Exists(pwsh)) return pwsh;
        var result = await Shell.RunAsync("dotnet", ["tool", "install", "--tool-path", folder, "PowerShell", "--version", Version], Path.GetTempPath(), null, ct);
        if (result.ExitCode != 0 || !File.Exists(pwsh))
            Assert.Fail($"PowerShell {Version} could not be installed for the build.ps1 tests; " + Shell.Describe("dotnet", ["tool", "install", "--tool-path", folder, "PowerShell", "--version", Version], result));
        return pwsh;
    }
}
