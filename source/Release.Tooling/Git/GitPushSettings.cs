namespace Release.Tooling.Git;

/// <summary>Options for <c>git push</c>.</summary>
public sealed record GitPushSettings
{
    /// <summary>The remote to push to; <c>origin</c> by default.</summary>
    public string Remote { get; init; } = "origin";

    /// <summary>Refspecs to push, e.g. <c>main</c> or <c>HEAD:refs/heads/main</c>; empty pushes per git's configuration.</summary>
    public IReadOnlyList<string> RefSpecs { get; init; } = [];

    /// <summary>Also push annotated tags that point into the pushed history (<c>--follow-tags</c>).</summary>
    public bool FollowTags { get; init; }

    /// <summary>Push all tags (<c>--tags</c>).</summary>
    public bool Tags { get; init; }

    /// <summary>Record the remote branch as upstream (<c>--set-upstream</c>).</summary>
    public bool SetUpstream { get; init; }

    /// <summary>Overwrite the remote only if it still is where we last saw it (<c>--force-with-lease</c>).</summary>
    public bool ForceWithLease { get; init; }

    /// <summary>Update all refs or none (<c>--atomic</c>).</summary>
    public bool Atomic { get; init; }

    /// <summary>The git arguments, starting with <c>push</c>.</summary>
    public IReadOnlyList<string> ToArguments()
    {
        var arguments = new List<string> { "push" };
        if (SetUpstream)
        {
            arguments.Add("--set-upstream");
        }
        if (FollowTags)
        {
            arguments.Add("--follow-tags");
        }
        if (Tags)
        {
            arguments.Add("--tags");
        }
        if (ForceWithLease)
        {
            arguments.Add("--force-with-lease");
        }
        if (Atomic)
        {
            arguments.Add("--atomic");
        }
        arguments.Add(GitArgumentGuard.Name(Remote, nameof(Remote)));
        arguments.AddRange(RefSpecs.Select(r => GitArgumentGuard.Name(r, nameof(RefSpecs))));
        return arguments;
    }
}
