using Release.SemVer;

namespace Release.Process.Versioning;

/// <summary>
/// How builds from branches matching <see cref="Pattern"/> are versioned.
/// </summary>
/// <param name="Pattern">A branch name pattern where <c>*</c> matches any characters (including <c>/</c>), e.g. <c>release/*</c>.</param>
/// <param name="Channel">The channel builds from these branches aim for.</param>
/// <param name="PreReleaseLabel">The first pre-release identifier (<c>alpha</c>, <c>beta</c>); null for stable versions.</param>
/// <param name="IncludeBranchName">True to add the sanitised branch name after the label (feature branches), so two
/// branches at the same height never produce the same version.</param>
/// <param name="IsPatchLine">True for hotfix lines: only PATCH bumps are allowed from these branches.</param>
public sealed record BranchRule(
    string Pattern,
    ReleaseChannel Channel,
    string? PreReleaseLabel,
    bool IncludeBranchName = false,
    bool IsPatchLine = false)
{
    /// <summary>True when the (already normalised) branch name matches <see cref="Pattern"/>.</summary>
    /// <param name="branch">The branch name without <c>refs/heads/</c>.</param>
    public bool Matches(string branch) => GlobMatches(Pattern, 0, branch, 0);

    /// <summary>Checks the rule is usable; the message names the rule and the fix.</summary>
    /// <exception cref="ArgumentException">The rule is inconsistent.</exception>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Pattern))
            throw new ArgumentException("Branch rule has an empty pattern: give a branch name or a pattern like 'release/*'.");
        if (Channel == ReleaseChannel.Stable && (PreReleaseLabel is not null || IncludeBranchName))
            throw new ArgumentException(
                $"Branch rule '{Pattern}': a stable rule cannot have a pre-release label or branch name; remove them or choose Alpha/Beta.");
        if (Channel != ReleaseChannel.Stable && string.IsNullOrEmpty(PreReleaseLabel))
            throw new ArgumentException(
                $"Branch rule '{Pattern}': channel {Channel} needs a pre-release label such as '{Channel.ToString().ToLowerInvariant()}'.");
        if (PreReleaseLabel is not null && (!PreReleaseLabel.All(SemanticVersion.IsIdentifierCharacter) || PreReleaseLabel.All(char.IsAsciiDigit)))
            throw new ArgumentException(
                $"Branch rule '{Pattern}': pre-release label '{PreReleaseLabel}' must contain a letter and only [0-9A-Za-z-].");
        if (IsPatchLine && Channel != ReleaseChannel.Stable)
            throw new ArgumentException($"Branch rule '{Pattern}': a patch line (hotfix) must be on the Stable channel.");
    }

    // Simple recursive glob: '*' matches any run of characters, everything else matches itself (ordinal).
    private static bool GlobMatches(string pattern, int p, string text, int t)
    {
        while (p < pattern.Length)
        {
            if (pattern[p] == '*')
            {
                while (p < pattern.Length && pattern[p] == '*') p++;
                if (p == pattern.Length) return true;
                for (var k = t; k <= text.Length; k++)
                    if (GlobMatches(pattern, p, text, k)) return true;
                return false;
            }
            if (t >= text.Length || pattern[p] != text[t]) return false;
            p++;
            t++;
        }
        return t == text.Length;
    }
}
