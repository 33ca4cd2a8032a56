namespace Release.Delivery.Verify;

/// <summary>The outcome of one sanity check or journey.</summary>
/// <param name="Name">The check's name (<c>health</c> for the health endpoint).</param>
/// <param name="Kind"><c>health</c>, <c>check</c> or <c>journey</c>.</param>
/// <param name="Passed">Whether it passed.</param>
/// <param name="Detail">What was asked and answered (for a failure: which step, expected and actual status or body).</param>
/// <param name="Duration">How long it took.</param>
public sealed record SanityCheckResult(string Name, string Kind, bool Passed, string Detail, TimeSpan Duration);

/// <summary>
/// What the sanity checks found after one deployment, written to <c>artifacts/verify/&lt;env&gt;.json</c> beside the
/// deployment record and copied into the evidence. When they failed and the environment was rolled back,
/// <see cref="RolledBackTo"/> names the release it runs again.
/// </summary>
/// <param name="Environment">The environment checked.</param>
/// <param name="Url">Its URL.</param>
/// <param name="Version">The version that was deployed and checked.</param>
/// <param name="ImageDigest">Its image digest, when known.</param>
/// <param name="CheckedAt">When the checks finished.</param>
/// <param name="Passed">Whether every check passed.</param>
/// <param name="Results">Every check's outcome.</param>
/// <param name="Action">What followed: <c>keep</c>, <c>rolled-back</c> or <c>failed-in-place</c>.</param>
/// <param name="Reason">Why, in a sentence.</param>
/// <param name="RolledBackTo">The version the environment runs again after an automatic rollback, or null.</param>
public sealed record SanityReport(
    string Environment, string Url, string Version, string? ImageDigest, DateTimeOffset CheckedAt, bool Passed,
    IReadOnlyList<SanityCheckResult> Results, string Action, string Reason, string? RolledBackTo);
