namespace Release.Tooling.Git;

/// <summary>Options for <c>git fetch</c>.</summary>
public sealed record GitFetchSettings
{
    /// <summary>The remote to fetch from; <c>origin</c> by default.</summary>
    public string Remote { get; init; } = "origin";

    /// <summary>Refspecs or revisions to fetch; empty means the remote's configured refspecs.</summary>
    public IReadOnlyList<string> RefSpecs { get; init; } = [];

    /// <summary>Limit history to this many commits (<c>--depth</c>).</summary>
    public int? Depth { get; init; }

    /// <summary>Make a shallow repository complete (<c>--unshallow</c>).</summary>
    public bool Unshallow { get; init; }

    /// <summary>Fetch all tags (<c>--tags</c>).</summary>
    public bool Tags { get; init; }

    /// <summary>Remove remote-tracking refs that no longer exist (<c>--prune</c>).</summary>
    public bool Prune { get; init; }

    /// <summary>Allow non-fast-forward ref updates (<c>--force</c>).</summary>
    public bool Force { get; init; }

    /// <summary>The git arguments, starting with <c>fetch</c>.</summary>
    public IReadOnlyList<string> ToArguments()
    {
        var arguments = new List<string> { "fetch" };
        if (Depth is { } depth)
        {
            arguments.Add($"--depth={GitArgumentGuard.Positive(depth, nameof(Depth))}");
        }
        if (Unshallow)
        {
            arguments.Add("--unshallow");
        }
        if (Tags)
        {
            arguments.Add("--tags");
        }
        if (Prune)
        {
            arguments.Add("--prune");
        }
        if (Force)
        {
            arguments.Add("--force");
        }
        arguments.Add(GitArgumentGuard.Name(Remote, nameof(Remote)));
        arguments.AddRange(RefSpecs.Select(r => GitArgumentGuard.Name(r, nameof(RefSpecs))));
        return arguments;
    }
}
