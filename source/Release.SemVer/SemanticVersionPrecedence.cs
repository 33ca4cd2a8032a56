namespace Release.SemVer;

/// <summary>SemVer 2.0.0 item 11: how two versions are ordered.</summary>
internal static class SemanticVersionPrecedence
{
    public static int Compare(SemanticVersion left, SemanticVersion? right)
    {
        if (right is null) return 1;
        var core = left.Major.CompareTo(right.Major);
        if (core == 0) core = left.Minor.CompareTo(right.Minor);
        if (core == 0) core = left.Patch.CompareTo(right.Patch);
        if (core != 0) return core;

        // A pre-release has lower precedence than the normal version with the same core.
        if (!left.IsPreRelease || !right.IsPreRelease)
            return right.IsPreRelease.CompareTo(left.IsPreRelease);

        var count = Math.Min(left.PreRelease.Count, right.PreRelease.Count);
        for (var i = 0; i < count; i++)
        {
            var result = CompareIdentifiers(left.PreRelease[i], right.PreRelease[i]);
            if (result != 0) return result;
        }
        // A larger set of identifiers wins when all preceding ones are equal.
        return left.PreRelease.Count.CompareTo(right.PreRelease.Count);
    }

    private static int CompareIdentifiers(string left, string right)
    {
        var leftNumeric = left.All(char.IsAsciiDigit);
        var rightNumeric = right.All(char.IsAsciiDigit);
        if (leftNumeric && rightNumeric)
        {
            // Compare by length first so numbers beyond long range still order correctly (no leading zeros allowed).
            var byLength = left.Length.CompareTo(right.Length);
            return byLength != 0 ? byLength : string.CompareOrdinal(left, right);
        }
        if (leftNumeric) return -1;  // numeric identifiers have lower precedence than alphanumeric ones
        if (rightNumeric) return 1;
        return Math.Sign(string.CompareOrdinal(left, right)); // ASCII sort order
    }
}
