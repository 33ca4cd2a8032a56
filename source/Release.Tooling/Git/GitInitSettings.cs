namespace Release.Tooling.Git;

/// <summary>Options for <c>git init</c>.</summary>
/// <param name="Directory">The folder to create the repository in (created when missing).</param>
public sealed record GitInitSettings(string Directory)
{
    /// <summary>Create a bare repository, e.g. to serve as a remote (<c>--bare</c>).</summary>
    public bool Bare { get; init; }

    /// <summary>The name of the first branch (<c>--initial-branch</c>); <c>main</c> by default.</summary>
    public string? InitialBranch { get; init; } = "main";

    /// <summary>The git arguments, starting with <c>init</c>.</summary>
    public IReadOnlyList<string> ToArguments()
    {
        var arguments = new List<string> { "init" };
        if (Bare)
        {
            arguments.Add("--bare");
        }
        if (InitialBranch is not null)
        {
            arguments.Add($"--initial-branch={GitArgumentGuard.Name(InitialBranch, nameof(InitialBranch))}");
        }
        ArgumentException.ThrowIfNullOrWhiteSpace(Directory, nameof(Directory));
        arguments.AddRange(["--", Directory]);
        return arguments;
    }
}
