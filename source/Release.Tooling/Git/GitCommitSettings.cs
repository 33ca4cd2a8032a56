namespace Release.Tooling.Git;

/// <summary>Options for <c>git commit</c>.</summary>
/// <param name="Message">The full commit message (subject, blank line, body).</param>
public sealed record GitCommitSettings(string Message)
{
    /// <summary>The author (<c>--author</c>, plus <c>--date</c> when it has a date); <c>null</c> uses git's configuration.</summary>
    public GitIdentity? Author { get; init; }

    /// <summary>The committer, passed through the environment; <c>null</c> uses git's configuration.</summary>
    public GitIdentity? Committer { get; init; }

    /// <summary>Stage modified and deleted tracked files first (<c>--all</c>).</summary>
    public bool All { get; init; }

    /// <summary>Allow a commit without changes (<c>--allow-empty</c>).</summary>
    public bool AllowEmpty { get; init; }

    /// <summary>Replace the last commit (<c>--amend</c>).</summary>
    public bool Amend { get; init; }

    /// <summary>Skip pre-commit and commit-msg hooks (<c>--no-verify</c>).</summary>
    public bool NoVerify { get; init; }

    /// <summary>The git arguments, starting with <c>commit</c>.</summary>
    public IReadOnlyList<string> ToArguments()
    {
        if (string.IsNullOrWhiteSpace(Message))
        {
            throw new ArgumentException("GitCommitSettings.Message must not be empty; git refuses empty commit messages.", nameof(Message));
        }
        var arguments = new List<string> { "commit", $"--message={Message}" };
        if (Author is not null)
        {
            arguments.Add($"--author={Author.ToAuthorString()}");
            if (Author.DateString is { } date)
            {
                arguments.Add($"--date={date}");
            }
        }
        if (All)
        {
            arguments.Add("--all");
        }
        if (AllowEmpty)
        {
            arguments.Add("--allow-empty");
        }
        if (Amend)
        {
            arguments.Add("--amend");
        }
        if (NoVerify)
        {
            arguments.Add("--no-verify");
        }
        return arguments;
    }

    /// <summary>Environment variables for the committer identity (git has no committer option).</summary>
    public IReadOnlyDictionary<string, string?> ToEnvironment() =>
        new Dictionary<string, string?>(Committer?.ToEnvironment("COMMITTER") ?? []);
}
