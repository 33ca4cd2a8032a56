namespace Release.Tooling.Git;

/// <summary>Options for <c>git add</c>.</summary>
public sealed record GitAddSettings
{
    /// <summary>Stage every change in the working tree, including deletions (<c>--all</c>).</summary>
    public bool All { get; init; }

    /// <summary>The paths to stage (after <c>--</c>, so they are never read as options).</summary>
    public IReadOnlyList<string> Paths { get; init; } = [];

    /// <summary>The git arguments, starting with <c>add</c>.</summary>
    public IReadOnlyList<string> ToArguments()
    {
        if (!All && Paths.Count == 0)
        {
            throw new ArgumentException("GitAddSettings needs Paths or All = true; with neither, git add stages nothing.", nameof(Paths));
        }
        var arguments = new List<string> { "add" };
        if (All)
        {
            arguments.Add("--all");
        }
        arguments.Add("--");
        arguments.AddRange(Paths);
        return arguments;
    }
}
