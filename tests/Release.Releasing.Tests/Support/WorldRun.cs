namespace Release.Releasing.Tests.Support;

/// <summary>How one run of a <see cref="ReleaseWorld"/> differs from the usual one.</summary>
/// <param name="Signing">The signing arguments instead of the voter's (or the job's) key, e.g. none, or someone else's key.</param>
/// <param name="At">The run's clock instead of the world's next instant (runs at the same moment).</param>
/// <param name="DefaultRecords">Leave the world's --release-records out: the build's default (.nuke/temp), or the one the run passes itself.</param>
/// <param name="Environment">Extra environment variables (e.g. CI=true).</param>
/// <param name="Stop">Stops a long-running target (the ChatOps endpoint).</param>
/// <param name="Output">Where the run prints, to read it while the run goes on (synchronised by the run).</param>
public sealed record WorldRun(IReadOnlyList<string>? Signing = null, DateTimeOffset? At = null, bool DefaultRecords = false,
    IReadOnlyDictionary<string, string>? Environment = null, CancellationToken Stop = default, StringWriter? Output = null);

