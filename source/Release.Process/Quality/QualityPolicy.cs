using Release.Process.Versioning;

namespace Release.Process.Quality;

/// <summary>The quality thresholds per channel, as declared in the build definition.</summary>
public sealed class QualityPolicy
{
    private readonly Dictionary<ReleaseChannel, ChannelThresholds> _thresholds;

    /// <summary>Creates a policy; each channel's thresholds are validated.</summary>
    /// <param name="thresholds">Thresholds per channel. A channel without thresholds can never be chosen.</param>
    /// <exception cref="ArgumentException">Invalid thresholds; the message names the channel and field.</exception>
    public QualityPolicy(IReadOnlyDictionary<ReleaseChannel, ChannelThresholds> thresholds)
    {
        _thresholds = thresholds.ToDictionary(p => p.Key, p => p.Value);
        foreach (var (channel, value) in _thresholds) value.Validate(channel.ToString());
    }

    /// <summary>The thresholds for a channel, or null when the policy does not allow releasing to it.</summary>
    /// <param name="channel">The channel.</param>
    public ChannelThresholds? For(ReleaseChannel channel) => _thresholds.GetValueOrDefault(channel);

    /// <summary>
    /// A sensible default: stable needs every unit test passing, 80% line coverage, no critical or high
    /// vulnerabilities, all integration tests passing and scan data from every source at most a day old; beta allows
    /// 70% coverage and high findings but no critical ones; alpha only needs the unit tests to pass.
    /// </summary>
    public static QualityPolicy Default() => new(new Dictionary<ReleaseChannel, ChannelThresholds>
    {
        [ReleaseChannel.Stable] = new()
        {
            MinimumUnitTestPassRate = 100, MinimumUnitTests = 1, MinimumLineCoverage = 80, MinimumBranchCoverage = 60,
            MaximumCritical = 0, MaximumHigh = 0, RequireIntegrationTestsPassing = true,
            MaximumScanDataAge = TimeSpan.FromDays(1), RequireEveryAdvisorySource = true,
        },
        [ReleaseChannel.Beta] = new()
        {
            MinimumUnitTestPassRate = 100, MinimumUnitTests = 1, MinimumLineCoverage = 70, MaximumCritical = 0,
            RequireIntegrationTestsPassing = true, MaximumScanDataAge = TimeSpan.FromDays(7),
        },
        [ReleaseChannel.Alpha] = new() { MinimumUnitTestPassRate = 100, MinimumUnitTests = 1 },
    });
}
