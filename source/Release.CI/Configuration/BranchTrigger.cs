namespace Release.CI;

/// <summary>
/// A parsed branch rule of a pipeline trigger: an exact branch (<c>main</c>), a prefix pattern ending in <c>*</c>
/// (<c>release/*</c>, <c>*</c>), or merge requests. Only what both GitLab rules and Azure conditions can express is
/// accepted. (Which version a branch's build gets is another matter: Release.Process's <c>BranchRule</c>.)
/// </summary>
internal sealed record BranchTrigger
{
    /// <summary>The rule name that means merge requests (GitLab) and pull requests (Azure).</summary>
    public const string MergeRequestName = "merge-request";

    private static readonly string[] MergeRequestAliases = [MergeRequestName, "merge-requests", "pull-request", "pull-requests"];

    private BranchTrigger(string text, bool isMergeRequest)
    {
        Text = text;
        IsMergeRequest = isMergeRequest;
    }

    /// <summary>The rule as declared.</summary>
    public string Text { get; }

    /// <summary>Whether this rule means merge/pull requests rather than a branch.</summary>
    public bool IsMergeRequest { get; }

    /// <summary>Whether the branch rule is a prefix pattern (ends in <c>*</c>).</summary>
    public bool IsPattern => !IsMergeRequest && Text.EndsWith('*');

    /// <summary>The part before the trailing <c>*</c> of a pattern (empty for <c>*</c>).</summary>
    public string Prefix => IsPattern ? Text[..^1] : Text;

    /// <summary>Whether the text names merge requests.</summary>
    public static bool IsMergeRequestName(string text) => MergeRequestAliases.Contains(text, StringComparer.OrdinalIgnoreCase);

    /// <summary>Parses a rule; a malformed one yields the reason instead.</summary>
    public static BranchTrigger? TryParse(string text, out string? problem)
    {
        problem = Problem(text);
        if (problem is not null) return null;
        return IsMergeRequestName(text) ? new BranchTrigger(MergeRequestName, true) : new BranchTrigger(text, false);
    }

    /// <summary>Whether a pipeline for this branch rule can also be one for <paramref name="other"/> (the same push).</summary>
    public bool Overlaps(BranchTrigger other)
    {
        if (IsMergeRequest || other.IsMergeRequest) return IsMergeRequest == other.IsMergeRequest;
        if (!IsPattern && !other.IsPattern) return Text == other.Text;
        return Text.StartsWith(other.Prefix, StringComparison.Ordinal) && other.IsPattern
            || other.Text.StartsWith(Prefix, StringComparison.Ordinal) && IsPattern;
    }

    private static string? Problem(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "it is empty";
        if (IsMergeRequestName(text)) return null;
        var star = text.IndexOf('*');
        if (star >= 0 && star != text.Length - 1)
            return "'*' may only end the rule (as in 'release/*'), because Azure conditions can only compare prefixes";
        var bad = text.FirstOrDefault(c => char.IsWhiteSpace(c) || c is '~' or '^' or ':' or '?' or '[' or '\\' or '"' or '\'' || char.IsControl(c));
        if (bad != default) return $"'{bad}' cannot appear in a git branch name";
        if (text.Contains("..") || text.StartsWith('-') || text.StartsWith('/') || text.EndsWith('/') || text.EndsWith(".lock")
            || text.Contains("//"))
            return "it is not a valid git branch name (no '..', no leading '-' or '/', no trailing '/' or '.lock')";
        return null;
    }
}
