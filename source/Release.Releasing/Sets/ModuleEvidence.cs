namespace Release.Releasing.Sets;

/// <summary>What an application release's evidence says of one module (<c>set/modules.json</c>).</summary>
/// <param name="Module">The module.</param>
/// <param name="Version">Its pinned version.</param>
/// <param name="ImageDigest">Its pinned image digest.</param>
/// <param name="ChartDigest">Its pinned chart digest.</param>
/// <param name="Change">How it moved since the previous set: Changed, Carried or Added.</param>
/// <param name="BuiltIn">The set whose pipeline built it at this pin (this set, or the set it is carried from).</param>
/// <param name="ResultsFrom">Where its results in <c>modules/MODULE/</c> were taken from, or null when none were found.</param>
/// <param name="Findings">What is missing from its results (each also in <c>findings.json</c> and the log).</param>
internal sealed record ModuleEvidence(
    string Module, string Version, string ImageDigest, string ChartDigest, string Change, string BuiltIn, string? ResultsFrom,
    IReadOnlyList<string> Findings);
