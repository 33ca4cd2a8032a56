using System.Globalization;
using System.Text.Json;
using Release.Delivery.Verify;
using Release.Engine;
using Release.Process.Quality;
using Release.Pipeline;
using Release.Pipeline.Records;
using Release.Pipeline.References;
using Release.Pipeline.Registries;

namespace Release.Releasing.Quality;

/// <summary>
/// Reads the stages' metrics files into <see cref="QualityMetrics"/>. A stage that did not run counts as nothing
/// measured (zero tests, no advisory data), which the policy then judges; a malformed file is an error naming it.
/// </summary>
internal static class QualityMetricsReader
{
    public static async Task<QualityMetrics> ReadAsync(PipelinePaths paths, IBuildLog log, CancellationToken ct)
    {
        var unit = paths.UnitTestSummary.FileExists()
            ? await StageRecord.ReadAsync<UnitTestSummary>(paths.UnitTestSummary, "UnitTest", ct).ConfigureAwait(false)
            : Missing<UnitTestSummary>(log, paths.UnitTestSummary, "UnitTest", new UnitTestSummary(0, 0, 0, 0, 0));
        var integration = paths.IntegrationSummary.FileExists()
            ? await StageRecord.ReadAsync<IntegrationSummary>(paths.IntegrationSummary, "Integrate", ct).ConfigureAwait(false)
            : Missing<IntegrationSummary>(log, paths.IntegrationSummary, "Integrate", new IntegrationSummary(0, 0, 0, ""));
        var (vulnerabilities, sources) = paths.ScanSummary.FileExists()
            ? await ReadScanAsync(paths.ScanSummary, log, ct).ConfigureAwait(false)
            : Missing(log, paths.ScanSummary, "Scan", (new VulnerabilityCounts(0, 0), (IReadOnlyList<AdvisorySource>)[]));
        return new QualityMetrics(new TestCounts(unit.Passed, unit.Failed, unit.Skipped), unit.LineCoverage, unit.BranchCoverage,
            vulnerabilities, new TestCounts(integration.Passed, integration.Failed, integration.Skipped), sources)
        {
            LoadTest = await ReadLoadTestAsync(paths, ct).ConfigureAwait(false),
        };
    }

    // No load test is not an error here: the policy decides whether the channel needs one.
    private static async Task<LoadTestResult?> ReadLoadTestAsync(PipelinePaths paths, CancellationToken ct)
    {
        if (!paths.LoadTestReport().FileExists()) return null;
        var report = await StageRecord.ReadAsync<LoadTestReport>(paths.LoadTestReport(), "LoadTest", ct).ConfigureAwait(false);
        return new LoadTestResult(report.Environment, report.Passed, report.Measured.P95Ms, report.Measured.P99Ms, report.Measured.ErrorRate,
            report.Measured.Throughput, report.Breaches.Select(b => b.ToString()).ToList());
    }

    private static T Missing<T>(IBuildLog log, AbsolutePath file, string target, T empty)
    {
        log.Warning($"{file} is missing ({target} did not run here): counted as nothing measured.");
        return empty;
    }

    /// <summary>
    /// Counts by severity, sources with and without data, and how old each source's data is, from what Scan recorded:
    /// a source's <c>sourcesAsOf</c> entry (the date the data itself is as of, e.g. the newest advisory of an OSV
    /// mirror; null when the data carries none), else the summary's <c>finishedAt</c> (a live source, asked at scan
    /// time). Never the file's time: artifacts are copied between jobs, and a stale mirror scanned today is still stale.
    /// With neither, the age is unknown and the policy's freshness rule fails, naming the fix.
    /// </summary>
    private static async Task<(VulnerabilityCounts, IReadOnlyList<AdvisorySource>)> ReadScanAsync(
        AbsolutePath file,
        IBuildLog log,
        CancellationToken ct)
    {
        try
        {
            using var document = JsonDocument.Parse(await File.ReadAllTextAsync(file, ct).ConfigureAwait(false));
            var root = document.RootElement;
            int Count(string severity) => root.TryGetProperty("countsBySeverity", out var counts)
                ? counts.EnumerateObject().Where(p => p.Name.Equals(severity, StringComparison.OrdinalIgnoreCase)).Select(p => p.Value.GetInt32())
                    .FirstOrDefault()
                : 0;
            var counts = new VulnerabilityCounts(Count("critical"), Count("high"), Count("medium"), Count("low"));

            DateTimeOffset? scanned = root.TryGetProperty("finishedAt", out var finished) && finished.ValueKind != JsonValueKind.Null
                ? finished.GetDateTimeOffset()
                : null;
            var asOf = root.TryGetProperty("sourcesAsOf", out var dates) && dates.ValueKind == JsonValueKind.Object
                ? dates.EnumerateObject()
                    .ToDictionary(p => p.Name, p => p.Value.ValueKind == JsonValueKind.Null ? (DateTimeOffset?)null : p.Value.GetDateTimeOffset())
                : new Dictionary<string, DateTimeOffset?>();
            var sources = new List<AdvisorySource>();
            if (root.TryGetProperty("sourcesWithData", out var withData))
                foreach (var name in withData.EnumerateArray().Select(e => e.GetString() ?? ""))
                {
                    var at = asOf.TryGetValue(name, out var dataAsOf) ? dataAsOf : scanned;
                    if (at is null)
                        log.Warning($"{file} does not say how old the data of advisory source '{name}' is " +
                                    "(no sourcesAsOf entry or one without a date, and no finishedAt): its age counts as unknown. Run ./build.sh " +
                                        "Scan again.");
                    sources.Add(new AdvisorySource(name, true, at));
                }
            if (root.TryGetProperty("sourcesWithoutData", out var withoutData))
                foreach (var source in withoutData.EnumerateArray())
                    sources.Add(new AdvisorySource(source.GetProperty("name").GetString() ?? "", false, null));
            return (counts, sources);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or KeyNotFoundException)
        {
            throw new InvalidOperationException($"{file} is not a valid scan summary ({e.Message}). Run ./build.sh Scan again.", e);
        }
    }

    /// <summary>Formats a percentage for the summary.</summary>
    public static string Percent(double value) => value.ToString("0.##", CultureInfo.InvariantCulture) + "%";
}
