namespace Release.Delivery.Verify;

/// <summary>
/// One sanity check: a GET of <see cref="Path"/> on the freshly deployed environment that must answer
/// <see cref="ExpectedStatus"/> and, when set, contain <see cref="BodyContains"/>.
/// </summary>
/// <param name="Name">What the check is called in logs, records and reports.</param>
/// <param name="Path">The path (and query) under the environment's URL, e.g. <c>/version</c>.</param>
public sealed record HttpCheck(string Name, string Path)
{
    /// <summary>The status the answer must have (default 200).</summary>
    public int ExpectedStatus { get; init; } = 200;

    /// <summary>Text the body must contain (ordinal comparison), or null to check only the status.</summary>
    public string? BodyContains { get; init; }
}
