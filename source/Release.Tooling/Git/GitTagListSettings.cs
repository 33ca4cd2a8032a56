namespace Release.Tooling.Git;

/// <summary>Options for listing tags with <c>git tag --list</c>.</summary>
public sealed record GitTagListSettings
{
    /// <summary>Only tags pointing at this commit (<c>--points-at</c>), e.g. <c>HEAD</c>.</summary>
    public string? PointsAt { get; init; }

    /// <summary>Only tags whose history contains this commit (<c>--contains</c>).</summary>
    public string? Contains { get; init; }

    /// <summary>Only tags reachable from this commit (<c>--merged</c>).</summary>
    public string? Merged { get; init; }

    /// <summary>Sort key (<c>--sort</c>), e.g. <c>-v:refname</c> for newest version first.</summary>
    public string? Sort { get; init; }

    /// <summary>Glob patterns the tag names must match, e.g. <c>v*</c>.</summary>
    public IReadOnlyList<string> Patterns { get; init; } = [];

    /// <summary>The git arguments, starting with <c>tag --list</c>.</summary>
    public IReadOnlyList<string> ToArguments()
    {
        var arguments = new List<string> { "tag", "--list" };
        if (PointsAt is not null)
        {
            arguments.Add($"--points-at={GitArgumentGuard.Name(PointsAt, nameof(PointsAt))}");
        }
        if (Contains is not null)
        {
            arguments.Add($"--contains={GitArgumentGuard.Name(Contains, nameof(Contains))}");
        }
        if (Merged is not null)
        {
            arguments.Add($"--merged={GitArgumentGuard.Name(Merged, nameof(Merged))}");
        }
        if (Sort is not null)
        {
            arguments.Add($"--sort={Sort}");
        }
        arguments.AddRange(Patterns.Select(p => GitArgumentGuard.Name(p, nameof(Patterns))));
        return arguments;
    }
}
