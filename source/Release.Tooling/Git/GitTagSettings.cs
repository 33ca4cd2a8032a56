namespace Release.Tooling.Git;

/// <summary>Options for creating a tag with <c>git tag</c>.</summary>
/// <param name="Name">The tag name, e.g. <c>v1.4.0</c>.</param>
public sealed record GitTagSettings(string Name)
{
    /// <summary>The tag message; when set the tag is annotated (<c>-a -m</c>), otherwise lightweight.</summary>
    public string? Message { get; init; }

    /// <summary>The commit to tag; <c>null</c> means HEAD.</summary>
    public string? Target { get; init; }

    /// <summary>Replace an existing tag of the same name (<c>--force</c>).</summary>
    public bool Force { get; init; }

    /// <summary>Who is recorded as tagger of an annotated tag; <c>null</c> uses git's configuration.</summary>
    public GitIdentity? Tagger { get; init; }

    /// <summary>The git arguments, starting with <c>tag</c>.</summary>
    public IReadOnlyList<string> ToArguments()
    {
        var arguments = new List<string> { "tag" };
        if (Message is not null)
        {
            arguments.AddRange(["--annotate", $"--message={Message}"]);
        }
        if (Force)
        {
            arguments.Add("--force");
        }
        arguments.Add(GitArgumentGuard.Name(Name, nameof(Name)));
        if (Target is not null)
        {
            arguments.Add(GitArgumentGuard.Name(Target, nameof(Target)));
        }
        return arguments;
    }

    /// <summary>Environment variables for the tagger identity (git records the committer identity as tagger).</summary>
    public IReadOnlyDictionary<string, string?> ToEnvironment() =>
        new Dictionary<string, string?>(Tagger?.ToEnvironment("COMMITTER") ?? []);
}
