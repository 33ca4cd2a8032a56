namespace Release.Process.Quality;

/// <summary>
/// What a build must reach to be released on one channel. Every threshold is optional (null = not checked) so a
/// build definition declares only what it cares about.
/// </summary>
public sealed record ChannelThresholds
{
    /// <summary>Minimum percentage of executed unit tests that passed (100 = no failure allowed).</summary>
    public double? MinimumUnitTestPassRate { get; init; }

    /// <summary>Minimum number of unit tests that must have run (guards against "0 of 0 failed").</summary>
    public int? MinimumUnitTests { get; init; }

    /// <summary>Minimum line coverage in percent.</summary>
    public double? MinimumLineCoverage { get; init; }

    /// <summary>Minimum branch coverage in percent.</summary>
    public double? MinimumBranchCoverage { get; init; }

    /// <summary>Maximum open critical vulnerabilities.</summary>
    public int? MaximumCritical { get; init; }

    /// <summary>Maximum open high vulnerabilities.</summary>
    public int? MaximumHigh { get; init; }

    /// <summary>Maximum open medium vulnerabilities.</summary>
    public int? MaximumMedium { get; init; }

    /// <summary>When true, integration tests must have run and none may fail.</summary>
    public bool RequireIntegrationTestsPassing { get; init; }

    /// <summary>Maximum age of the oldest advisory data used by the scan.</summary>
    public TimeSpan? MaximumScanDataAge { get; init; }

    /// <summary>When true, every advisory source must have given data (a silent source is not a clean scan).</summary>
    public bool RequireEveryAdvisorySource { get; init; }

    /// <summary>When true, a load test must have run and met every limit the build definition declares for it.</summary>
    public bool RequireLoadTestPassing { get; init; }

    /// <summary>Checks the thresholds are possible; the message names the channel and field.</summary>
    /// <param name="channel">The channel the thresholds belong to, for the message.</param>
    /// <exception cref="ArgumentException">A percentage outside 0–100 or a negative count or age.</exception>
    public void Validate(string channel)
    {
        foreach (var (value, field) in new[] {
            (MinimumUnitTestPassRate, nameof(MinimumUnitTestPassRate)),
            (MinimumLineCoverage, nameof(MinimumLineCoverage)),
            (MinimumBranchCoverage, nameof(MinimumBranchCoverage)) })
            if (value is < 0 or > 100)
                throw new ArgumentException($"Quality policy for channel {channel}: {field} is {value}; use a percentage between 0 and 100.");
        foreach (var (value, field) in new[] {
            (MinimumUnitTests, nameof(MinimumUnitTests)),
            (MaximumCritical, nameof(MaximumCritical)),
            (MaximumHigh, nameof(MaximumHigh)),
            (MaximumMedium, nameof(MaximumMedium)) })
            if (value < 0)
                throw new ArgumentException($"Quality policy for channel {channel}: {field} is {value}; counts cannot be negative.");
        if (MaximumScanDataAge < TimeSpan.Zero)
            throw new ArgumentException($"Quality policy for channel {channel}: MaximumScanDataAge cannot be negative.");
    }
}
