namespace Release.Tooling.Git;

/// <summary>Thrown when a branch, tag or revision does not exist in a repository.</summary>
public sealed class GitRefNotFoundException : Exception
{
    /// <summary>Creates the exception; <paramref name="location"/> must already be masked.</summary>
    public GitRefNotFoundException(string reference, string location, string message, Exception? inner = null) : base(message, inner)
    {
        Reference = reference;
        Location = location;
    }

    /// <summary>The branch, tag or revision that was asked for.</summary>
    public string Reference { get; }

    /// <summary>The repository URL or folder it was looked up in (credentials masked).</summary>
    public string Location { get; }
}
