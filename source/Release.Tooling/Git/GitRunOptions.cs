namespace Release.Tooling.Git;

/// <summary>How <see cref="GitClient.RunAsync"/> runs one git command.</summary>
public sealed record GitRunOptions
{
    /// <summary>Extra environment variables (a <c>null</c> value removes one).</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();

    /// <summary>Return a result instead of throwing on a non-zero exit.</summary>
    public bool AllowNonZeroExit { get; init; }

    /// <summary>Forward output lines to the client's log (for long-running commands such as clone and push).</summary>
    public bool StreamOutput { get; init; }

    /// <summary>Extra values to mask.</summary>
    public IReadOnlyCollection<string> Secrets { get; init; } = [];

    /// <summary>The ref the command is about, named in the error when git says it does not exist.</summary>
    public string? Reference { get; init; }

    /// <summary>Kill the command after this long.</summary>
    public TimeSpan? Timeout { get; init; }
}
