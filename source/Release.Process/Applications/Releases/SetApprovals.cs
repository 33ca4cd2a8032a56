namespace Release.Process.Applications.Releases;

/// <summary>What an application's votes, attestations, checklist and blessing are about.</summary>
public enum ApprovalScope
{
    /// <summary>The release as a whole: once per release, on the set's digest (the default for applications).</summary>
    Set,

    /// <summary>Each module on its own (as single-module releases are approved).</summary>
    Module,
}

/// <summary>What a vote, an attestation or a blessing names: a module of the release, and the set digest it was cast on.</summary>
/// <param name="Kind">What is cast, for messages: <c>Vote</c>, <c>Attestation</c>, <c>Blessing</c>.</param>
/// <param name="Module">The module it names, or null when it names the release as a whole.</param>
/// <param name="SetDigest">The set digest it was cast on, or null when it names none.</param>
/// <param name="Place">Where it came from, for messages: a command parameter (<c>--module</c>) or an event of a record.</param>
public sealed record ApprovalSubject(string Kind, string? Module, string? SetDigest, string Place);

/// <summary>
/// Checks that an approval is cast on what the application's policy approves. With <see cref="ApprovalScope.Set"/>, a
/// vote, attestation or blessing names the release as a whole and the digest of its set (so an approval can never be
/// carried over to a set whose modules changed); one naming a module is refused. With <see cref="ApprovalScope.Module"/>,
/// it names a module of the set.
/// </summary>
public static class SetApprovals
{
    /// <summary>Every reason <paramref name="subject"/> is refused for <paramref name="manifest"/>; empty when it is accepted.</summary>
    /// <param name="scope">The application's policy.</param>
    /// <param name="manifest">The release it is cast on.</param>
    /// <param name="subject">What it names.</param>
    public static IReadOnlyList<string> Problems(ApprovalScope scope, ReleaseManifest manifest, ApprovalSubject subject)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(subject);
        var problems = new List<string>();
        var release = $"release {manifest.Application} {manifest.Version}";
        if (scope == ApprovalScope.Set && subject.Module is not null)
            problems.Add($"{subject.Place}: {subject.Kind} on module '{subject.Module}' refused: application '{manifest.Application}' approves its " +
                         $"releases as a whole (votes, attestations, checklist and blessing are on the set {manifest.Digest}). " +
                         $"Cast it on the set: leave out the module and name {release}.");
        if (scope == ApprovalScope.Module && subject.Module is null)
            problems
                .Add($"{subject.Place}: {subject.Kind} on {release} as a whole refused: application '{manifest.Application}' approves each module " +
                    $"on its own. Name the module (one of {string.Join(", ", manifest.Modules.Select(p => p.Module))}).");
        if (scope == ApprovalScope.Module && subject.Module is not null && manifest.PinOf(subject.Module) is null)
            problems.Add($"{subject.Place}: {release} has no module '{subject.Module}': name one of " +
                $"{string.Join(", ", manifest.Modules.Select(p => p.Module))}.");
        if (scope == ApprovalScope.Set && subject.SetDigest is null)
            problems.Add($"{subject.Place}: {subject.Kind} on {release} names no set digest: cast it on the set {manifest.Digest}, so it cannot " +
                "count for another set.");
        else if (subject.SetDigest is not null && !string.Equals(subject.SetDigest, manifest.Digest.Value, StringComparison.Ordinal))
            problems.Add($"{subject.Place}: {subject.Kind} was cast on set {subject.SetDigest}, but {release} is the set {manifest.Digest}: " +
                         "it approved other module digests and does not count here. Cast it again on this set.");
        return problems;
    }

    /// <summary>Throws when <see cref="Problems"/> finds any.</summary>
    /// <exception cref="ReleaseSetException">The approval is cast on the wrong subject; each line names the place and the fix.</exception>
    public static void Check(ApprovalScope scope, ReleaseManifest manifest, ApprovalSubject subject)
    {
        var problems = Problems(scope, manifest, subject);
        if (problems.Count > 0) throw new ReleaseSetException(problems);
    }
}
