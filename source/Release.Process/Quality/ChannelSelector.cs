using Release.Process.Versioning;

namespace Release.Process.Quality;

/// <summary>
/// Chooses the release channel for a build: the highest channel, up to the one its branch aims for, whose
/// thresholds in the <see cref="QualityPolicy"/> are all met.
/// </summary>
/// <param name="policy">The channel thresholds.</param>
/// <param name="clock">The clock used to age the scan data.</param>
public sealed class ChannelSelector(QualityPolicy policy, TimeProvider clock)
{
    /// <summary>Evaluates the build from <paramref name="target"/> downwards.</summary>
    /// <param name="metrics">The build's metrics.</param>
    /// <param name="target">The channel the branch aims for (see <see cref="BranchPolicy.Channel"/>).</param>
    /// <exception cref="ArgumentException">Impossible metrics; the message names the field.</exception>
    public ChannelDecision Select(QualityMetrics metrics, ReleaseChannel target)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        metrics.Validate();
        var now = clock.GetUtcNow();
        var failures = new List<QualityFailure>();
        foreach (var channel in Enum.GetValues<ReleaseChannel>().Where(c => c <= target).OrderDescending())
        {
            var thresholds = policy.For(channel);
            if (thresholds is null)
            {
                failures.Add(
                    new QualityFailure(channel, "quality policy", "no thresholds declared", "thresholds for this channel in the build definition"));
                continue;
            }
            var missed = QualityRules.Check(metrics, thresholds, channel, now);
            if (missed.Count == 0) return new ChannelDecision(target, channel, failures);
            failures.AddRange(missed);
        }
        return new ChannelDecision(target, null, failures);
    }
}
