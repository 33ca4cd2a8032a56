using Release.Process.Versioning;

namespace Release.Process.Quality;

/// <summary>One quality rule a build did not meet for a channel.</summary>
/// <param name="Channel">The channel whose threshold was missed.</param>
/// <param name="Metric">The metric, e.g. "line coverage".</param>
/// <param name="Actual">The measured value as shown to people.</param>
/// <param name="Required">The requirement, e.g. "&gt;= 80%".</param>
public sealed record QualityFailure(ReleaseChannel Channel, string Metric, string Actual, string Required)
{
    /// <inheritdoc />
    public override string ToString() => $"{Channel}: {Metric} is {Actual}, required {Required}";
}
