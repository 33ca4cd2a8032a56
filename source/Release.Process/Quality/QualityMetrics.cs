namespace Release.Process.Quality;

/// <summary>Counts from one test run.</summary>
/// <param name="Passed">Tests that passed.</param>
/// <param name="Failed">Tests that failed.</param>
/// <param name="Skipped">Tests that were skipped or ignored.</param>
public sealed record TestCounts(int Passed, int Failed, int Skipped = 0)
{
    /// <summary>Passed and failed tests (skipped ones were not run).</summary>
    public int Executed => Passed + Failed;

    /// <summary>Percentage of executed tests that passed; 0 when none ran.</summary>
    public double PassRate => Executed == 0 ? 0 : 100.0 * Passed / Executed;
}

/// <summary>Open vulnerabilities by severity after the scan's suppressions were applied.</summary>
/// <param name="Critical">Critical findings.</param>
/// <param name="High">High findings.</param>
/// <param name="Medium">Medium findings.</param>
/// <param name="Low">Low findings.</param>
public sealed record VulnerabilityCounts(int Critical, int High, int Medium = 0, int Low = 0);

/// <summary>
/// One advisory source the scanner asked (e.g. a NuGet audit source, the Debian security tracker) and whether it
/// actually gave data. A source that answered "nothing found" without data must not look like a clean scan.
/// </summary>
/// <param name="Name">The source's name.</param>
/// <param name="GaveData">True when the source returned advisory data.</param>
/// <param name="DataAsOf">When the source's data was published or fetched; null when unknown.</param>
public sealed record AdvisorySource(string Name, bool GaveData, DateTimeOffset? DataAsOf);

/// <summary>The measured quality of one build, as collected by the pipeline stages.</summary>
/// <param name="UnitTests">Unit test counts.</param>
/// <param name="LineCoverage">Line coverage in percent (0–100).</param>
/// <param name="BranchCoverage">Branch coverage in percent (0–100).</param>
/// <param name="Vulnerabilities">Open vulnerabilities by severity.</param>
/// <param name="IntegrationTests">Integration test counts.</param>
/// <param name="AdvisorySources">The advisory sources the vulnerability scan used.</param>
public sealed record QualityMetrics(
    TestCounts UnitTests,
    double LineCoverage,
    double BranchCoverage,
    VulnerabilityCounts Vulnerabilities,
    TestCounts IntegrationTests,
    IReadOnlyList<AdvisorySource> AdvisorySources)
{
    /// <summary>The load test of the release (LoadTest's report), or null when none ran here.</summary>
    public LoadTestResult? LoadTest { get; init; }

    /// <summary>Checks the numbers are possible; the message names the field.</summary>
    /// <exception cref="ArgumentException">A count is negative or a coverage is outside 0–100.</exception>
    public void Validate()
    {
        RequireCount(UnitTests.Passed, "UnitTests.Passed");
        RequireCount(UnitTests.Failed, "UnitTests.Failed");
        RequireCount(UnitTests.Skipped, "UnitTests.Skipped");
        RequireCount(IntegrationTests.Passed, "IntegrationTests.Passed");
        RequireCount(IntegrationTests.Failed, "IntegrationTests.Failed");
        RequireCount(IntegrationTests.Skipped, "IntegrationTests.Skipped");
        RequireCount(Vulnerabilities.Critical, "Vulnerabilities.Critical");
        RequireCount(Vulnerabilities.High, "Vulnerabilities.High");
        RequireCount(Vulnerabilities.Medium, "Vulnerabilities.Medium");
        RequireCount(Vulnerabilities.Low, "Vulnerabilities.Low");
        RequirePercent(LineCoverage, nameof(LineCoverage));
        RequirePercent(BranchCoverage, nameof(BranchCoverage));
    }

    private static void RequireCount(int value, string field)
    {
        if (value < 0) throw new ArgumentException(
            $"QualityMetrics.{field} is {value}: counts cannot be negative; check the report that produced it.");
    }

    private static void RequirePercent(double value, string field)
    {
        if (double.IsNaN(value) || value is < 0 or > 100)
            throw new ArgumentException($"QualityMetrics.{field} is {value}: coverage is a percentage between 0 and 100 (a ratio of 0.8 is 80).");
    }
}
