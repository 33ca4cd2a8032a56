using Release.Process.Promotion;
using Release.Releasing.Common;

namespace Release.Releasing.Records;

/// <summary>
/// Every deployment the release records hold, for readers above the release process (drift, dashboards): the records
/// repository is cloned, only events whose signatures verify against the build's rosters count (as for Promote and
/// Rollback), and a rollback counts as a deployment of the version it restored. Reads only; records nothing.
/// </summary>
public static class RecordedDeployments
{
    /// <summary>Every verified deployment of the build's module, oldest first.</summary>
    /// <param name="build">The build (records repository, rosters).</param>
    /// <param name="ct">Cancellation.</param>
    public static async Task<IReadOnlyList<Deployment>> ReadAsync(IReleaseProcess build, CancellationToken ct)
    {
        var records = await RecordsRepository.OpenAsync(build, ct).ConfigureAwait(false);
        await using var recordsDisposal = records.ConfigureAwait(false);
        var all = await new ReleaseRecordStore(records).ReadAllAsync(ct).ConfigureAwait(false);
        return ReleaseHistory.From(RecordTrust.TrustedAll(build, all)).Deployments;
    }
}
