namespace Release.Process.Versioning;

/// <summary>One git-trailer style footer of a conventional commit, e.g. <c>Refs: #123</c> or <c>Closes #7</c>.</summary>
/// <param name="Token">The token, e.g. <c>Refs</c>, <c>Reviewed-by</c> or <c>BREAKING CHANGE</c>.</param>
/// <param name="Value">The value; may span several lines.</param>
/// <param name="UsesHashSeparator">True for the <c>Token #value</c> form (the <c>#</c> belongs to the separator).</param>
public sealed record CommitFooter(string Token, string Value, bool UsesHashSeparator = false)
{
    /// <summary>True for <c>BREAKING CHANGE</c> or its synonym <c>BREAKING-CHANGE</c> (Conventional Commits 1.0.0 items 12, 16).</summary>
    public bool IsBreakingChange => Token is "BREAKING CHANGE" or "BREAKING-CHANGE";
}
