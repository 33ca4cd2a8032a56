using Release.Process.Versioning;

namespace Release.Process.Quality;

/// <summary>Which channel a build may be released to, and why not higher.</summary>
/// <param name="Target">The channel the branch aims for.</param>
/// <param name="Channel">The highest channel at or below the target whose thresholds were all met; null when none.</param>
/// <param name="Failures">Every missed rule of every channel tried, from the target downwards.</param>
public sealed record ChannelDecision(ReleaseChannel Target, ReleaseChannel? Channel, IReadOnlyList<QualityFailure> Failures)
{
    /// <summary>True when some channel was met.</summary>
    public bool IsReleasable => Channel is not null;

    /// <summary>True when the build met the channel its branch aims for.</summary>
    public bool MetTarget => Channel == Target;

    /// <summary>The missed rules of the target channel.</summary>
    public IReadOnlyList<QualityFailure> TargetFailures => Failures.Where(f => f.Channel == Target).ToArray();

    /// <summary>One line for the pipeline summary, followed by one line per missed target rule.</summary>
    public string Summary()
    {
        var head = Channel switch
        {
            null => $"Not releasable: no channel up to {Target} met its quality policy.",
            var c when c == Target => $"Releasable to {Target}.",
            var c => $"Missed {Target}; releasable to {c} only.",
        };
        return string.Join('\n', new[] { head }.Concat(TargetFailures.Select(f => "- " + f)));
    }
}
