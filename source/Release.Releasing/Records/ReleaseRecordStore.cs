using Release.Process.Approvals;
using Release.Releasing.Common;

namespace Release.Releasing.Records;

/// <summary>
/// One JSON file per release (<c>releases/RELEASE-ID.json</c>) in the records repository; every event is one commit,
/// so the git history is the audit log. Reading checks the file's whole history: a commit that changed or removed an
/// earlier event is reported, naming the commit. New events are signed with the command's key and chained to the
/// event before them (<see cref="RecordChain"/>); which stored events count is <see cref="RecordTrust"/>'s decision.
/// </summary>
internal sealed class ReleaseRecordStore(RecordsRepository repository)
{
    /// <summary>The repository.</summary>
    public RecordsRepository Repository => repository;

    /// <summary>The record file of a release, relative to the repository.</summary>
    public static string FileOf(string releaseId) => $"releases/{releaseId}.json";

    /// <summary>The record, or null when the release was never opened.</summary>
    /// <exception cref="ReleaseRefusedException">The file is malformed or its history was rewritten.</exception>
    public async Task<ReleaseRecord?> TryReadAsync(string releaseId, CancellationToken ct)
    {
        var file = FileOf(releaseId);
        var text = await repository.ReadAsync(file, ct).ConfigureAwait(false);
        if (text is null) return null;
        var current = Parse(text, file);
        ReleaseRecord? earlier = null;
        foreach (var (commit, version) in await repository.HistoryAsync(file, ct).ConfigureAwait(false))
        {
            var stored = Parse(version, $"{file} at commit {commit[..7]}");
            if (earlier is not null && stored.FindRewriteOf(earlier) is { } rewrite)
                throw new ReleaseRefusedException(
                    $"Release record {file} in {repository.Shown} was rewritten by commit {commit[..7]}: {rewrite} " +
                    "Records are append-only: revert that commit in the records repository.");
            earlier = stored;
        }
        if (earlier is not null && current.FindRewriteOf(earlier) is { } change)
            throw new ReleaseRefusedException($"Release record {file} differs from its committed history: {change}");
        return current;
    }

    /// <summary>The record; a clear error when the release was never opened.</summary>
    public async Task<ReleaseRecord> ReadAsync(string releaseId, CancellationToken ct) =>
        await TryReadAsync(releaseId, ct).ConfigureAwait(false) ?? throw new ReleaseRefusedException(
            $"Release {releaseId} has no record in {repository.Shown} ({FileOf(releaseId)}). Open it first with ./build.sh OpenRelease " +
            "(the pipeline does this after Clone), or check --release and --module.");

    /// <summary>Every record in the repository.</summary>
    public async Task<IReadOnlyList<ReleaseRecord>> ReadAllAsync(CancellationToken ct)
    {
        var records = new List<ReleaseRecord>();
        foreach (var file in repository.List("releases", "*.json"))
            records.Add(Parse((await repository.ReadAsync(file, ct).ConfigureAwait(false))!, file));
        return records;
    }

    /// <summary>
    /// Applies <paramref name="change"/> to the current record (null when it does not exist yet) and commits the
    /// result; <paramref name="change"/> returns null when there is nothing to record, and throws to refuse. It runs
    /// again on the newest record if another pipeline pushed first.
    /// </summary>
    public Task<bool> UpdateAsync(string releaseId, string actor, string summary,
        Func<ReleaseRecord?, ReleaseRecord?> change, CancellationToken ct) =>
        UpdateAsync(releaseId, actor, summary, (record, _) => Task.FromResult(change(record)), ct);

    /// <summary>Asynchronous form of
    /// <see cref="UpdateAsync(string, string, string, Func{ReleaseRecord?, ReleaseRecord?}, CancellationToken)"/>.</summary>
    public Task<bool> UpdateAsync(string releaseId, string actor, string summary,
        Func<ReleaseRecord?, CancellationToken, Task<ReleaseRecord?>> change, CancellationToken ct) =>
        repository.CommitAsync(actor, async token =>
        {
            var before = await TryReadAsync(releaseId, token).ConfigureAwait(false);
            var after = await change(before, token).ConfigureAwait(false);
            if (after is null) return null;
            if (before is not null && after.FindRewriteOf(before) is { } rewrite)
                throw new InvalidOperationException($"Refusing to rewrite release record {FileOf(releaseId)}: {rewrite}");
            after = await SignAsync(after, before?.Events.Count ?? 0, token).ConfigureAwait(false);
            var path = repository.Path / FileOf(releaseId);
            path.Parent.CreateDirectory();
            await File.WriteAllTextAsync(path, ReleaseRecordJson.Serialize(after), token).ConfigureAwait(false);
            return $"{releaseId}: {summary}";
        }, ct);

    // The new events are signed by this command's key and chained to the last stored event; unsigned only where no
    // roster names keys (then signatures are not required, and a key given is still used).
    private async Task<ReleaseRecord> SignAsync(ReleaseRecord record, int from, CancellationToken ct)
    {
        if (repository.Signer is { } signer) return await RecordChain.SignAsync(record, from, signer, ct).ConfigureAwait(false);
        if (repository.SigningRequired)
            throw new ReleaseRefusedException(
                $"Release {record.ReleaseId}: records must be signed (the gate's roster names keys) and no key was given. Pass --signing-key with " +
                    "your " +
                "private SSH key file (its public key must be on the roster); in CI the job's key comes from a secret file variable (SIGNING_KEY).");
        return record;
    }

    private static ReleaseRecord Parse(string text, string source)
    {
        try { return ReleaseRecordJson.Deserialize(text, source); }
        catch (FormatException e) { throw new ReleaseRefusedException(e.Message + " Restore the file from the records repository's history.", e); }
    }
}
