namespace Release.Process.Versioning;

/// <summary>What the branch model decided for one branch.</summary>
/// <param name="Branch">The normalised branch name.</param>
/// <param name="Rule">The first rule that matched.</param>
/// <param name="PreReleaseIdentifiers">Identifiers to put before the height (e.g. <c>alpha</c>, <c>feature-login</c>); empty for stable.</param>
public sealed record BranchPolicy(string Branch, BranchRule Rule, IReadOnlyList<string> PreReleaseIdentifiers)
{
    /// <summary>The channel builds from this branch aim for.</summary>
    public ReleaseChannel Channel => Rule.Channel;

    /// <summary>True when versions from this branch are stable (no pre-release part).</summary>
    public bool IsStable => Rule.Channel == ReleaseChannel.Stable;

    /// <summary>True for a hotfix line: only PATCH bumps are allowed.</summary>
    public bool IsPatchLine => Rule.IsPatchLine;
}
