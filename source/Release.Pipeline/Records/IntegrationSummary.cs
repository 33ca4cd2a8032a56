namespace Release.Pipeline.Records;

/// <summary>Integrate's metrics, and what they were measured on: which environment, which image, when.</summary>
/// <param name="Passed">Tests passed.</param>
/// <param name="Failed">Tests failed.</param>
/// <param name="Skipped">Tests skipped.</param>
/// <param name="Url">The URL tested.</param>
/// <param name="Environment">The environment whose deployment was tested (null in summaries written before it was recorded).</param>
/// <param name="ImageDigest">The digest that deployment ran.</param>
/// <param name="FinishedAt">When the tests finished.</param>
public sealed record IntegrationSummary(int Passed, int Failed, int Skipped, string Url,
    string? Environment = null, string? ImageDigest = null, DateTimeOffset? FinishedAt = null);
