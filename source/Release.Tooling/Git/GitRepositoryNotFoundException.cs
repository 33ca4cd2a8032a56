namespace Release.Tooling.Git;

/// <summary>Thrown when a repository URL, path or working directory holds no git repository (or is not reachable).</summary>
public sealed class GitRepositoryNotFoundException : Exception
{
    /// <summary>Creates the exception; <paramref name="location"/> must already be masked.</summary>
    public GitRepositoryNotFoundException(string location, string message, Exception? inner = null) : base(message, inner)
    {
        Location = location;
    }

    /// <summary>The URL, path or folder that was expected to be a repository (credentials masked).</summary>
    public string Location { get; }
}
