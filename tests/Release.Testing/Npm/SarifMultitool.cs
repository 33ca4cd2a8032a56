namespace Release.Testing.Npm;

/// <summary>
/// Microsoft's SARIF Multitool (npm <c>@microsoft/sarif-multitool</c> 5.7.0, which brings its Linux binary as an
/// optional dependency), installed once into a cache: <c>validate</c> checks a log against the SARIF 2.1.0 schema and
/// Microsoft's authoring rules (SARIF1xxx errors, SARIF2xxx warnings).
/// </summary>
public static class SarifMultitool
{
    /// <summary>Validates the log; returns the Multitool's exit code and its report (one line per finding).</summary>
    /// <param name="path">A SARIF file.</param>
    public static async Task<(int ExitCode, string Output)> ValidateAsync(string path)
    {
        var home = await NpmPackages.EnsureInstalledAsync("sarif-multitool-5.7.0", ["@microsoft/sarif-multitool@5.7.0"],
            "node_modules/@microsoft/sarif-multitool/bin.js");
        var full = Path.GetFullPath(path);
        var report = full + ".validation.sarif";
        return await NpmPackages.RunAsync("node",
            [Path.Combine(home, "node_modules", "@microsoft", "sarif-multitool", "bin.js"), "validate", full, "--output", report, "--log", "ForceOverwrite"], home);
    }
}
