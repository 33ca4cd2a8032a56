namespace Release.Tooling.Git;

/// <summary>Options for <c>git rev-parse</c> of one revision.</summary>
/// <param name="Revision">The revision to resolve, e.g. <c>HEAD</c>, <c>v1.2.0</c>, <c>origin/main</c>.</param>
public sealed record GitRevParseSettings(string Revision)
{
    /// <summary>Print an abbreviated hash of at least this many characters (<c>--short=N</c>).</summary>
    public int? Short { get; init; }

    /// <summary>Print the short ref name instead of a hash (<c>--abbrev-ref</c>), e.g. the branch of HEAD.</summary>
    public bool AbbrevRef { get; init; }

    /// <summary>The git arguments, starting with <c>rev-parse</c>; always <c>--verify</c> so exactly one object is named.</summary>
    public IReadOnlyList<string> ToArguments()
    {
        var arguments = new List<string> { "rev-parse", "--verify" };
        if (Short is { } length)
        {
            arguments.Add($"--short={GitArgumentGuard.Positive(length, nameof(Short))}");
        }
        if (AbbrevRef)
        {
            arguments.Add("--abbrev-ref");
        }
        arguments.Add(GitArgumentGuard.Name(Revision, nameof(Revision)));
        return arguments;
    }
}
