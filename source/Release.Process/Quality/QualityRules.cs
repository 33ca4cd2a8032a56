using System.Globalization;
using Release.Process.Versioning;

namespace Release.Process.Quality;

/// <summary>Compares one build's metrics with one channel's thresholds.</summary>
internal static class QualityRules
{
    public static IReadOnlyList<QualityFailure> Check(QualityMetrics m, ChannelThresholds t, ReleaseChannel channel, DateTimeOffset now)
    {
        var failures = new List<QualityFailure>();
        void Fail(string metric, string actual, string required) => failures.Add(new QualityFailure(channel, metric, actual, required));

        if (t.MinimumUnitTests is { } minTests && m.UnitTests.Executed < minTests)
            Fail("unit tests executed", Count(m.UnitTests.Executed), $">= {minTests}");
        if (t.MinimumUnitTestPassRate is { } rate && (m.UnitTests.Executed == 0 || m.UnitTests.PassRate < rate))
            Fail(
                "unit test pass rate",
                $"{Percent(m.UnitTests.PassRate)} ({m.UnitTests.Failed} failed of {m.UnitTests.Executed})",
                $">= {Percent(rate)}");
        if (t.MinimumLineCoverage is { } line && m.LineCoverage < line)
            Fail("line coverage", Percent(m.LineCoverage), $">= {Percent(line)}");
        if (t.MinimumBranchCoverage is { } branch && m.BranchCoverage < branch)
            Fail("branch coverage", Percent(m.BranchCoverage), $">= {Percent(branch)}");
        if (t.MaximumCritical is { } critical && m.Vulnerabilities.Critical > critical)
            Fail("critical vulnerabilities", Count(m.Vulnerabilities.Critical), $"<= {critical}");
        if (t.MaximumHigh is { } high && m.Vulnerabilities.High > high)
            Fail("high vulnerabilities", Count(m.Vulnerabilities.High), $"<= {high}");
        if (t.MaximumMedium is { } medium && m.Vulnerabilities.Medium > medium)
            Fail("medium vulnerabilities", Count(m.Vulnerabilities.Medium), $"<= {medium}");
        if (t.RequireIntegrationTestsPassing && (m.IntegrationTests.Executed == 0 || m.IntegrationTests.Failed > 0))
            Fail("integration tests", $"{m.IntegrationTests.Failed} failed of {m.IntegrationTests.Executed}", "at least one run and none failed");

        if (t.RequireLoadTestPassing && m.LoadTest is not { Passed: true })
            Fail(
                "load test",
                m.LoadTest is null ? "not run" : string.Join("; ", m.LoadTest.Breaches.DefaultIfEmpty("failed")),
                "run and every declared limit met");

        if (t.RequireEveryAdvisorySource)
        {
            if (m.AdvisorySources.Count == 0)
                Fail("advisory sources", "none recorded", "every advisory source gave data");
            foreach (var silent in m.AdvisorySources.Where(s => !s.GaveData))
                Fail($"advisory source '{silent.Name}'", "gave no data", "data from every advisory source");
        }
        if (t.MaximumScanDataAge is { } maxAge)
            CheckAge(m, maxAge, now, Fail);
        return failures;
    }

    private static void CheckAge(QualityMetrics m, TimeSpan maxAge, DateTimeOffset now, Action<string, string, string> fail)
    {
        var withData = m.AdvisorySources.Where(s => s.GaveData).ToArray();
        if (withData.Length == 0)
        {
            fail("scan data age", "no advisory data", $"<= {maxAge}");
            return;
        }
        foreach (var source in withData)
        {
            if (AdvisoryDataFreshness.Stale(source.DataAsOf, maxAge, now) is { } stale)
                fail($"scan data age of '{source.Name}'", stale, $"<= {maxAge}");
        }
    }

    private static string Percent(double value) => value.ToString("0.##", CultureInfo.InvariantCulture) + "%";

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);
}
