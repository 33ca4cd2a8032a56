using Release.Delivery.Deploy;

namespace Release.Delivery.Verify;

/// <summary>An automatic rollback, as the release records keep it.</summary>
/// <param name="Environment">The environment rolled back.</param>
/// <param name="FromVersion">The release that failed.</param>
/// <param name="ToVersion">The release restored.</param>
/// <param name="Reason">Why (e.g. "its sanity checks failed").</param>
/// <param name="Measurements">What failed, as measured.</param>
public sealed record AutomaticRollback(string Environment, string FromVersion, string ToVersion, string Reason, IReadOnlyList<string> Measurements);

/// <summary>
/// The release records as an automatic rollback needs them: which release to go back to, and where to record that it
/// happened. Declared here, implemented by the release process (Release.Releasing reads the signed records), so that a
/// CI runner with a fresh workspace, which keeps no <see cref="VerifiedReleases"/>, can still roll back.
/// </summary>
public interface IRollbackRecords
{
    /// <summary>
    /// The release to restore in <paramref name="environment"/> when <paramref name="failingVersion"/> fails there: the one
    /// deployed before it according to the records that verify (blessed, where the environment requires it); null when
    /// the records know none (the reason is logged).
    /// </summary>
    Task<VerifiedRelease?> PreviousAsync(EnvironmentDefinition environment, string failingVersion, CancellationToken ct);

    /// <summary>Records <paramref name="rollback"/> on the failed release's record, signed like every event.</summary>
    Task RecordAsync(AutomaticRollback rollback, CancellationToken ct);
}
