namespace Release.Tooling.Git;

/// <summary>Options for <c>git log</c> in the machine-readable <see cref="GitLogFormat"/>.</summary>
public sealed record GitLogSettings
{
    /// <summary>Exclude this commit and its ancestors (<c>FROM..TO</c>), e.g. the last release tag; <c>null</c> means all history.</summary>
    public string? From { get; init; }

    /// <summary>The newest commit to list; <c>HEAD</c> by default.</summary>
    public string To { get; init; } = "HEAD";

    /// <summary>List at most this many commits (<c>--max-count</c>).</summary>
    public int? MaxCount { get; init; }

    /// <summary>Follow only first parents, i.e. the mainline (<c>--first-parent</c>).</summary>
    public bool FirstParent { get; init; }

    /// <summary>Leave out merge commits (<c>--no-merges</c>).</summary>
    public bool NoMerges { get; init; }

    /// <summary>Only commits touching these paths.</summary>
    public IReadOnlyList<string> Paths { get; init; } = [];

    /// <summary>The git arguments, starting with <c>log</c>.</summary>
    public IReadOnlyList<string> ToArguments()
    {
        var arguments = new List<string> { "log", GitLogFormat.FormatArgument };
        if (MaxCount is { } max)
        {
            arguments.Add($"--max-count={GitArgumentGuard.Positive(max, nameof(MaxCount))}");
        }
        if (FirstParent)
        {
            arguments.Add("--first-parent");
        }
        if (NoMerges)
        {
            arguments.Add("--no-merges");
        }
        var to = GitArgumentGuard.Name(To, nameof(To));
        arguments.Add(From is null ? to : $"{GitArgumentGuard.Name(From, nameof(From))}..{to}");
        arguments.Add("--");
        arguments.AddRange(Paths);
        return arguments;
    }
}
