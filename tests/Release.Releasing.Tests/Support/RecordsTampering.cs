using Release.Process.Approvals;
using Release.Testing.Git;
using Release.Testing.Signing;

namespace Release.Releasing.Tests.Support;

/// <summary>
/// What an insider with push access to the records repository can do without the commands: commit an event straight
/// into a release's record, or rewrite the branch and force-push it. Real git on the real bare repository.
/// </summary>
internal static class RecordsTampering
{
    private static readonly GitAuthor Eve = new("Eve Insider", "eve@example.com");

    /// <summary>Appends the event <paramref name="forge"/> makes (given the record) as one commit, pushed.</summary>
    public static async Task CommitEventAsync(TempBareRemote records, string releaseId, Func<ReleaseRecord, ReleaseEvent> forge)
    {
        using var clone = await TempGitRepository.CloneAsync(records.Path);
        var file = Path.Combine(clone.Path, "releases", releaseId + ".json");
        var record = ReleaseRecordJson.Deserialize(await File.ReadAllTextAsync(file), file);
        await File.WriteAllTextAsync(file, ReleaseRecordJson.Serialize(record.Append(forge(record))));
        await clone.CommitAsync($"{releaseId}: recorded", Eve);
        await clone.GitAsync(["push", "-q", "origin", "HEAD:main"]);
    }

    /// <summary>
    /// Appends the event as <see cref="CommitEventAsync"/>, signed with <paramref name="keyFile"/> (a roster member's own
    /// key) and chained in place, exactly as the commands would sign it: only the commands' rules are bypassed.
    /// </summary>
    public static Task CommitSignedEventAsync(TempBareRemote records, string releaseId, Func<ReleaseRecord, ReleaseEvent> forge, string keyFile) =>
        CommitEventAsync(records, releaseId, record =>
        {
            var unsigned = forge(record) with { Previous = RecordChain.Head(record), Signature = null };
            var payload = System.Text.Encoding.UTF8.GetString(RecordChain.Payload(record.ReleaseId, unsigned.Previous!, unsigned));
            return unsigned with { Signature = SshTestKeys.Run("ssh-keygen", ["-Y", "sign", "-q", "-f", keyFile, "-n", RecordChain.Namespace], payload) };
        });

    /// <summary>Drops the last <paramref name="commits"/> commits of <c>main</c> and force-pushes the result.</summary>
    public static async Task ForcePushWithoutLastAsync(TempBareRemote records, int commits)
    {
        using var clone = await TempGitRepository.CloneAsync(records.Path);
        await clone.GitAsync(["reset", "-q", "--hard", $"HEAD~{commits}"]);
        await clone.GitAsync(["push", "-q", "--force", "origin", "HEAD:main"]);
    }
}
