using System.Globalization;

namespace Release.Scanning.Versions;

/// <summary>
/// Orders Debian package versions (<c>[epoch:]upstream[-revision]</c>) the way dpkg does: epochs numerically, then
/// upstream and revision by alternating non-digit runs (letters before other characters, '~' before everything,
/// even the end) and digit runs compared as numbers.
/// </summary>
public sealed class DebianVersionComparer : IComparer<string>
{
    /// <summary>The single shared instance (the comparer has no state).</summary>
    public static DebianVersionComparer Instance { get; } = new();

    /// <inheritdoc />
    public int Compare(string? x, string? y)
    {
        if (ReferenceEquals(x, y)) return 0;
        if (x is null) return -1;
        if (y is null) return 1;
        var (epochX, upstreamX, revisionX) = Split(x);
        var (epochY, upstreamY, revisionY) = Split(y);
        var byEpoch = epochX.CompareTo(epochY);
        if (byEpoch != 0) return byEpoch;
        var byUpstream = CompareParts(upstreamX, upstreamY);
        return byUpstream != 0 ? byUpstream : CompareParts(revisionX, revisionY);
    }

    private static (long Epoch, string Upstream, string Revision) Split(string version)
    {
        var colon = version.IndexOf(':', StringComparison.Ordinal);
        var epoch = colon > 0 && long.TryParse(version[..colon], NumberStyles.None, CultureInfo.InvariantCulture, out var e) ? e : 0;
        var rest = colon > 0 ? version[(colon + 1)..] : version;
        var dash = rest.LastIndexOf('-');
        return dash >= 0 ? (epoch, rest[..dash], rest[(dash + 1)..]) : (epoch, rest, string.Empty);
    }

    private static int CompareParts(string a, string b)
    {
        int i = 0, j = 0;
        while (i < a.Length || j < b.Length)
        {
            // Non-digit run, character by character.
            while ((i < a.Length && !char.IsAsciiDigit(a[i])) || (j < b.Length && !char.IsAsciiDigit(b[j])))
            {
                var orderA = Order(a, i);
                var orderB = Order(b, j);
                if (orderA != orderB) return orderA.CompareTo(orderB);
                i++;
                j++;
            }

            // Digit run, numerically (leading zeros do not matter).
            while (i < a.Length && a[i] == '0') i++;
            while (j < b.Length && b[j] == '0') j++;
            var startA = i;
            var startB = j;
            while (i < a.Length && char.IsAsciiDigit(a[i])) i++;
            while (j < b.Length && char.IsAsciiDigit(b[j])) j++;
            var lengthA = i - startA;
            var lengthB = j - startB;
            if (lengthA != lengthB) return lengthA.CompareTo(lengthB);
            var digits = string.CompareOrdinal(a, startA, b, startB, lengthA);
            if (digits != 0) return Math.Sign(digits);
        }

        return 0;
    }

    // dpkg's character order: '~' sorts before the end of the string, letters before non-letters.
    private static int Order(string text, int index)
    {
        if (index >= text.Length) return 0;
        var c = text[index];
        if (char.IsAsciiDigit(c)) return 0;
        if (c == '~') return -1;
        if (char.IsAsciiLetter(c)) return c;
        return c + 256;
    }
}
