using Release.Engine;
using Release.Pipeline.Records;

namespace Release.Releasing.Sets;

/// <summary>
/// The results every module of an application release must show in its evidence: unit test results that ran tests,
/// coverage, the scan and its SBOMs (integration results count where present, they are not required). A missing kind is
/// a finding, never a silent gap.
/// </summary>
internal static class ModuleResultKinds
{
    /// <summary>Each missing kind in <paramref name="results"/> (a module's folder laid out as <c>artifacts/modules/MODULE/</c>).</summary>
    public static async Task<IReadOnlyList<string>> MissingAsync(AbsolutePath results, CancellationToken ct)
    {
        var missing = new List<string>();
        var unit = results / "unit-tests" / "summary.json";
        if (!unit.FileExists()) missing.Add("no unit test results (unit-tests/summary.json)");
        else if (await StageRecord.ReadAsync<UnitTestSummary>(unit, "UnitTest", ct).ConfigureAwait(false) is { Passed: 0, Failed: 0 })
            missing.Add("unit tests ran no test (unit-tests/summary.json counts none)");
        if (!Any(results / "unit-tests", "*.cobertura.xml")) missing.Add("no coverage report (unit-tests/*.cobertura.xml)");
        if (!(results / "scan" / "summary.json").FileExists()) missing.Add("no scan result (scan/summary.json)");
        if (!Any(results / "scan", "*.cdx.json")) missing.Add("no SBOM (scan/*.cdx.json)");
        return missing;
    }

    private static bool Any(AbsolutePath folder, string pattern) =>
        Directory.Exists(folder) && Directory.EnumerateFiles(folder, pattern, SearchOption.TopDirectoryOnly).Any();
}
