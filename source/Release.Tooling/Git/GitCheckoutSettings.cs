namespace Release.Tooling.Git;

/// <summary>Options for <c>git checkout</c>.</summary>
/// <param name="Target">The branch, tag or commit to check out (or the start point of <see cref="NewBranch"/>).</param>
public sealed record GitCheckoutSettings(string Target)
{
    /// <summary>Create this branch at <see cref="Target"/> and switch to it (<c>-b</c>).</summary>
    public string? NewBranch { get; init; }

    /// <summary>Check out a detached HEAD even when <see cref="Target"/> is a branch (<c>--detach</c>).</summary>
    public bool Detach { get; init; }

    /// <summary>Throw away local changes (<c>--force</c>).</summary>
    public bool Force { get; init; }

    /// <summary>The git arguments, starting with <c>checkout</c>.</summary>
    public IReadOnlyList<string> ToArguments()
    {
        var arguments = new List<string> { "checkout" };
        if (Force)
        {
            arguments.Add("--force");
        }
        if (Detach)
        {
            arguments.Add("--detach");
        }
        if (NewBranch is not null)
        {
            arguments.Add("-b");
            arguments.Add(GitArgumentGuard.Name(NewBranch, nameof(NewBranch)));
        }
        arguments.Add(GitArgumentGuard.Name(Target, nameof(Target)));
        // A trailing "--" makes git treat Target as a revision, never as a file path.
        arguments.Add("--");
        return arguments;
    }
}
