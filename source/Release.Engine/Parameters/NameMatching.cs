using System.Text;

namespace Release.Engine.Parameters;

/// <summary>Spelling rules shared by every parameter source, and "did you mean" suggestions.</summary>
public static class NameMatching
{
    /// <summary>Lower case without dashes or underscores, so <c>MAX_PARALLEL</c>, <c>max-parallel</c> and <c>MaxParallel</c> meet.</summary>
    public static string Normalize(string name)
    {
        // Runs for every environment variable against every parameter at start-up: no LINQ, one allocation.
        Span<char> buffer = name.Length <= 256 ? stackalloc char[name.Length] : new char[name.Length];
        var length = 0;
        foreach (var c in name)
            if (c != '-' && c != '_') buffer[length++] = char.ToLowerInvariant(c);
        return length == name.Length && name.AsSpan().SequenceEqual(buffer) ? name : new string(buffer[..length]);
    }

    /// <summary>Whether <paramref name="name"/> normalises to <paramref name="normalized"/>, without allocating.</summary>
    internal static bool NormalizesTo(string name, string normalized)
    {
        var position = 0;
        foreach (var c in name)
        {
            if (c is '-' or '_') continue;
            if (position == normalized.Length || char.ToLowerInvariant(c) != normalized[position]) return false;
            position++;
        }
        return position == normalized.Length;
    }

    /// <summary><c>MaxParallel</c> becomes <c>max-parallel</c>.</summary>
    public static string ToKebabCase(string name)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0 && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]))))
                builder.Append('-');
            builder.Append(char.ToLowerInvariant(c));
        }
        return builder.ToString();
    }

    /// <summary>The candidates closest to <paramref name="name"/> (edit distance), best first; at most three.</summary>
    public static IReadOnlyList<string> Closest(string name, IEnumerable<string> candidates)
    {
        var normalized = Normalize(name);
        return candidates
            .Select(c => (Candidate: c, Distance: Distance(normalized, Normalize(c))))
            .Where(x => x.Distance <= Math.Max(2, normalized.Length / 2) || Normalize(x.Candidate).Contains(normalized) && normalized.Length > 1)
            .OrderBy(x => x.Distance).ThenBy(x => x.Candidate, StringComparer.Ordinal)
            .Take(3).Select(x => x.Candidate).ToList();
    }

    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            previous = current;
        }
        return previous[b.Length];
    }
}
