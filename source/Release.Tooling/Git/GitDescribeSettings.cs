namespace Release.Tooling.Git;

/// <summary>Options for <c>git describe</c>: the nearest tag and the distance to it.</summary>
public sealed record GitDescribeSettings
{
    /// <summary>The commit to describe; <c>null</c> means HEAD.</summary>
    public string? Revision { get; init; }

    /// <summary>Consider lightweight tags too, not only annotated ones (<c>--tags</c>).</summary>
    public bool Tags { get; init; }

    /// <summary>Always print the <c>TAG-N-gHASH</c> form, even on the tag itself (<c>--long</c>).</summary>
    public bool Long { get; init; }

    /// <summary>Abbreviated hash length (<c>--abbrev=N</c>; 0 prints the tag only).</summary>
    public int? Abbrev { get; init; }

    /// <summary>Only tags matching these glob patterns (<c>--match</c>), e.g. <c>v*</c>.</summary>
    public IReadOnlyList<string> Match { get; init; } = [];

    /// <summary>Ignore tags matching these glob patterns (<c>--exclude</c>).</summary>
    public IReadOnlyList<string> Exclude { get; init; } = [];

    /// <summary>Fall back to the abbreviated hash when no tag is reachable (<c>--always</c>).</summary>
    public bool Always { get; init; }

    /// <summary>Follow only the first parent of merges (<c>--first-parent</c>).</summary>
    public bool FirstParent { get; init; }

    /// <summary>Append <c>-dirty</c> when the working tree has changes (<c>--dirty</c>); not valid with <see cref="Revision"/>.</summary>
    public bool Dirty { get; init; }

    /// <summary>The git arguments, starting with <c>describe</c>.</summary>
    public IReadOnlyList<string> ToArguments()
    {
        if (Dirty && Revision is not null)
        {
            throw new ArgumentException(
                "GitDescribeSettings.Dirty describes the working tree and cannot be combined with Revision; drop one of them.",
                nameof(Dirty));
        }
        var arguments = new List<string> { "describe" };
        if (Tags)
        {
            arguments.Add("--tags");
        }
        if (Long)
        {
            arguments.Add("--long");
        }
        if (Abbrev is { } abbrev)
        {
            arguments.Add(
                $"--abbrev={(abbrev >= 0 ? abbrev : throw new ArgumentOutOfRangeException(nameof(Abbrev), abbrev, "Abbrev must be 0 or more."))}");
        }
        arguments.AddRange(Match.Select(pattern => $"--match={pattern}"));
        arguments.AddRange(Exclude.Select(pattern => $"--exclude={pattern}"));
        if (Always)
        {
            arguments.Add("--always");
        }
        if (FirstParent)
        {
            arguments.Add("--first-parent");
        }
        if (Dirty)
        {
            arguments.Add("--dirty");
        }
        if (Revision is not null)
        {
            arguments.Add(GitArgumentGuard.Name(Revision, nameof(Revision)));
        }
        return arguments;
    }
}
