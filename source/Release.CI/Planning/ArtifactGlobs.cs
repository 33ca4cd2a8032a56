using System.Text;
using System.Text.RegularExpressions;

namespace Release.CI.Planning;

/// <summary>
/// Decides, conservatively, whether a produced glob can hold files a consumed glob names (<c>Consumes("glob")</c>):
/// the same glob, or both in the same leading literal directory and, when one side is a plain file path, the other
/// glob matching it. <c>artifacts/build/**</c> holds <c>artifacts/build/image.json</c>; <c>artifacts/**</c> is not
/// taken to hold <c>artifacts/build/image.json</c>, so a vague glob never drags in unrelated jobs.
/// </summary>
internal static class ArtifactGlobs
{
    public static bool CanMatch(string produced, string consumed)
    {
        produced = Normalize(produced);
        consumed = Normalize(consumed);
        if (produced == consumed) return true;
        if (LiteralDirectory(produced) != LiteralDirectory(consumed)) return false;
        if (!HasWildcard(consumed)) return ToRegex(produced).IsMatch(consumed);
        if (!HasWildcard(produced)) return ToRegex(consumed).IsMatch(produced);
        return true;
    }

    /// <summary>The directory before the first segment with a wildcard; for a plain file path, its directory.</summary>
    public static string LiteralDirectory(string glob)
    {
        var segments = Normalize(glob).Split('/');
        var literal = segments.TakeWhile(s => !HasWildcard(s)).ToList();
        if (literal.Count == segments.Length) literal.RemoveAt(literal.Count - 1);
        return string.Join('/', literal);
    }

    private static string Normalize(string glob)
    {
        var text = glob.Replace('\\', '/');
        return text.StartsWith("./", StringComparison.Ordinal) ? text[2..] : text;
    }

    private static bool HasWildcard(string text) => text.IndexOfAny(['*', '?', '[', '{']) >= 0;

    private static Regex ToRegex(string glob)
    {
        var pattern = new StringBuilder("^");
        for (var i = 0; i < glob.Length; i++)
        {
            if (glob[i] == '*' && i + 1 < glob.Length && glob[i + 1] == '*')
            {
                var slash = i + 2 < glob.Length && glob[i + 2] == '/';
                pattern.Append(slash ? "(.*/)?" : ".*");
                i += slash ? 2 : 1;
            }
            else if (glob[i] == '*') pattern.Append("[^/]*");
            else if (glob[i] == '?') pattern.Append("[^/]");
            else pattern.Append(Regex.Escape(glob[i].ToString()));
        }
        return new Regex(pattern.Append('$').ToString(), RegexOptions.CultureInvariant);
    }
}
