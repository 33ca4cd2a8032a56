namespace Release.Tooling.Git;

/// <summary>Thrown when a push stays rejected after all retries, or rebasing onto the remote hit a conflict.</summary>
public sealed class GitPushRejectedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public GitPushRejectedException(string remote, string branch, int attempts, string message, Exception? inner = null)
        : base(message, inner)
    {
        Remote = remote;
        Branch = branch;
        Attempts = attempts;
    }

    /// <summary>The remote that rejected the push.</summary>
    public string Remote { get; }

    /// <summary>The branch being pushed.</summary>
    public string Branch { get; }

    /// <summary>How many pushes were tried.</summary>
    public int Attempts { get; }
}
