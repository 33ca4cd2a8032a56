namespace Release.Tooling.Git;

/// <summary>Options for <c>git clone</c>.</summary>
/// <param name="Source">The repository URL or local path to clone.</param>
/// <param name="Directory">The folder to clone into.</param>
public sealed record GitCloneSettings(string Source, string Directory)
{
    /// <summary>A branch or tag to check out instead of the remote's HEAD (<c>--branch</c>).</summary>
    public string? Branch { get; init; }

    /// <summary>Create a shallow clone with this many commits (<c>--depth</c>).</summary>
    public int? Depth { get; init; }

    /// <summary><c>true</c>: fetch only one branch; <c>false</c>: all branches even when shallow; <c>null</c>: git's default.</summary>
    public bool? SingleBranch { get; init; }

    /// <summary>Clone without a working tree (<c>--bare</c>).</summary>
    public bool Bare { get; init; }

    /// <summary>Do not fetch tags (<c>--no-tags</c>).</summary>
    public bool NoTags { get; init; }

    /// <summary>The git arguments, starting with <c>clone</c>.</summary>
    public IReadOnlyList<string> ToArguments()
    {
        var arguments = new List<string> { "clone" };
        if (Branch is not null)
        {
            arguments.Add("--branch");
            arguments.Add(GitArgumentGuard.Name(Branch, nameof(Branch)));
        }
        if (Depth is { } depth)
        {
            arguments.Add($"--depth={GitArgumentGuard.Positive(depth, nameof(Depth))}");
        }
        if (SingleBranch is { } single)
        {
            arguments.Add(single ? "--single-branch" : "--no-single-branch");
        }
        if (Bare)
        {
            arguments.Add("--bare");
        }
        if (NoTags)
        {
            arguments.Add("--no-tags");
        }
        ArgumentException.ThrowIfNullOrWhiteSpace(Source, nameof(Source));
        ArgumentException.ThrowIfNullOrWhiteSpace(Directory, nameof(Directory));
        arguments.AddRange(["--", Source, Directory]);
        return arguments;
    }
}
