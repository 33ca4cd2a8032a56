namespace Release.Tooling.Git;

/// <summary>Options for <c>git remote add</c>.</summary>
/// <param name="Name">The remote's name, e.g. <c>origin</c>.</param>
/// <param name="Url">The remote's URL or path.</param>
public sealed record GitRemoteAddSettings(string Name, string Url)
{
    /// <summary>Fetch from the remote right after adding it (<c>--fetch</c>).</summary>
    public bool Fetch { get; init; }

    /// <summary>The git arguments, starting with <c>remote add</c>.</summary>
    public IReadOnlyList<string> ToArguments()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Url, nameof(Url));
        var arguments = new List<string> { "remote", "add" };
        if (Fetch)
        {
            arguments.Add("--fetch");
        }
        arguments.AddRange([GitArgumentGuard.Name(Name, nameof(Name)), Url]);
        return arguments;
    }
}
