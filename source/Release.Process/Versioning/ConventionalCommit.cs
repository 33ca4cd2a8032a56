namespace Release.Process.Versioning;

/// <summary>
/// A commit message read with Conventional Commits 1.0.0: <c>type(scope)!: description</c>, body and footers.
/// Messages that do not follow the convention are kept with <see cref="IsConventional"/> false so release notes can
/// still list them under "Other".
/// </summary>
public sealed record ConventionalCommit
{
    /// <summary>The commit id (full or short SHA) when known; empty otherwise.</summary>
    public string Sha { get; init; } = "";

    /// <summary>True when the header follows <c>type(scope)!: description</c>.</summary>
    public bool IsConventional { get; init; }

    /// <summary>The type, lower-cased (types are case-insensitive); empty for non-conventional messages.</summary>
    public string Type { get; init; } = "";

    /// <summary>The scope inside the parentheses, or null.</summary>
    public string? Scope { get; init; }

    /// <summary>True when the header has <c>!</c> before the colon.</summary>
    public bool HasBreakingMarker { get; init; }

    /// <summary>The description after <c>: </c> (the whole first line for non-conventional messages).</summary>
    public string Description { get; init; } = "";

    /// <summary>The free-form body, or empty.</summary>
    public string Body { get; init; } = "";

    /// <summary>The footers in message order.</summary>
    public IReadOnlyList<CommitFooter> Footers { get; init; } = [];

    /// <summary>Issue references found in the description, body and footers (<c>#123</c>, <c>PROJ-123</c>), first occurrence order.</summary>
    public IReadOnlyList<string> ReferencedIssues { get; init; } = [];

    /// <summary>True for a <c>!</c> marker or a <c>BREAKING CHANGE</c>/<c>BREAKING-CHANGE</c> footer.</summary>
    public bool IsBreaking => HasBreakingMarker || Footers.Any(f => f.IsBreakingChange);

    /// <summary>
    /// What breaks: the breaking-change footer values, or the description when only <c>!</c> was used
    /// (Conventional Commits 1.0.0 item 13).
    /// </summary>
    public IReadOnlyList<string> BreakingChanges
    {
        get
        {
            var fromFooters = Footers.Where(f => f.IsBreakingChange).Select(f => f.Value).ToArray();
            if (fromFooters.Length > 0) return fromFooters;
            return HasBreakingMarker ? [Description] : [];
        }
    }

    /// <summary>The SemVer bump this commit asks for: breaking → major, <c>feat</c> → minor, <c>fix</c>/<c>perf</c> → patch.</summary>
    public VersionBump Bump => IsBreaking ? VersionBump.Major
        : Type switch
        {
            "feat" => VersionBump.Minor,
            "fix" or "perf" => VersionBump.Patch,
            _ => VersionBump.None,
        };
}
