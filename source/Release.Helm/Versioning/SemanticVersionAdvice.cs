using System.Text.RegularExpressions;
using Release.SemVer;

namespace Release.Helm.Versioning;

/// <summary>
/// Turns a rejected version string into a reason and a concrete fix, because "invalid version" alone sends a release
/// engineer searching; the common mistakes (a module-prefixed tag, a numeric short SHA with a leading zero) get named.
/// </summary>
internal static partial class SemanticVersionAdvice
{
    [GeneratedRegex(@"(\d+)[.-](\d+)[.-](\d+)(?:[.-]([0-9A-Za-z.-]+))?")]
    private static partial Regex EmbeddedNumbers();

    [GeneratedRegex(@"(?:^|[.-])(0\d+)(?:$|[.+])")]
    private static partial Regex LeadingZeroNumericIdentifier();

    public static string Explain(string text)
    {
        if (text.StartsWith('v') && SemanticVersion.IsValid(text[1..]))
            return $"drop the leading 'v': use '{text[1..]}'";

        var prerelease = text.Contains('-') ? text[(text.IndexOf('-') + 1)..] : "";
        var leadingZero = LeadingZeroNumericIdentifier().Match(prerelease);
        if (SemanticVersion.IsValid(text.Split('-')[0]) && leadingZero.Success)
        {
            var identifier = leadingZero.Groups[1].Value;
            return $"the pre-release identifier '{identifier}' is all digits with a leading zero, which SemVer 2 forbids; "
                   + $"prefix it with a letter, e.g. 'g{identifier}'";
        }

        var embedded = EmbeddedNumbers().Match(text);
        if (embedded.Success)
        {
            var core = $"{embedded.Groups[1].Value}.{embedded.Groups[2].Value}.{embedded.Groups[3].Value}";
            var suggestion = embedded.Groups[4].Success ? $"{core}-{embedded.Groups[4].Value}" : core;
            if (!SemanticVersion.IsValid(suggestion)) suggestion = core;
            return $"a version must start with MAJOR.MINOR.PATCH (no name prefix, dots not dashes); use e.g. '{suggestion}' "
                   + "and put a commit id in the pre-release ('-abc1234') or build metadata ('+abc1234')";
        }

        return "write MAJOR.MINOR.PATCH[-PRERELEASE][+BUILD] with numbers without leading zeros, e.g. '1.2.3' or '1.2.3-rc.1'";
    }
}
