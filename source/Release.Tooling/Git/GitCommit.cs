namespace Release.Tooling.Git;

/// <summary>One commit as read from <c>git log</c>, with everything conventional-commit parsing needs.</summary>
/// <param name="Hash">The full commit hash.</param>
/// <param name="ParentHashes">The parents' hashes; more than one means a merge.</param>
/// <param name="Author">Who wrote the change, with the author date.</param>
/// <param name="Committer">Who committed it, with the commit date.</param>
/// <param name="Subject">The first line of the message, e.g. <c>feat(api): add votes</c>.</param>
/// <param name="Body">The rest of the message (may hold <c>BREAKING CHANGE:</c> footers); empty when none.</param>
public sealed record GitCommit(
    string Hash,
    IReadOnlyList<string> ParentHashes,
    GitIdentity Author,
    GitIdentity Committer,
    string Subject,
    string Body)
{
    /// <summary>True for a merge commit.</summary>
    public bool IsMerge => ParentHashes.Count > 1;

    /// <summary>The whole message: subject, blank line, body (or just the subject).</summary>
    public string Message => Body.Length == 0 ? Subject : $"{Subject}\n\n{Body}";
}
