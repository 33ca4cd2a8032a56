using System.Text;

namespace Release.CI.Files;

/// <summary>
/// A unified-style line diff (<c>---</c>/<c>+++</c> headers, <c>@@</c> hunks, three lines of context), so a stale CI
/// file shows exactly what regeneration would change.
/// </summary>
public static class UnifiedDiff
{
    private const int Context = 3;
    private const long MaxTableCells = 4_000_000;

    /// <summary>The diff from <paramref name="oldText"/> to <paramref name="newText"/>; empty when they are equal.</summary>
    public static string Create(string oldText, string newText, string oldLabel, string newLabel)
    {
        if (oldText == newText) return "";
        var a = Lines(oldText);
        var b = Lines(newText);
        var edits = Edits(a, b);
        var text = new StringBuilder().Append("--- ").Append(oldLabel).Append('\n').Append("+++ ").Append(newLabel).Append('\n');
        var i = 0;
        while (i < edits.Count)
        {
            if (edits[i].Kind == ' ') { i++; continue; }
            var start = Math.Max(0, i - Context);
            var end = i;
            // Extend the hunk while the next change is within two context windows.
            while (end < edits.Count)
            {
                var nextChange = edits.FindIndex(end, e => e.Kind != ' ');
                if (nextChange < 0 || nextChange - end > 2 * Context && end != i) break;
                end = edits.FindIndex(nextChange, e => e.Kind == ' ');
                if (end < 0) { end = edits.Count; break; }
            }
            var stop = Math.Min(edits.Count, end + Context);
            var hunk = edits.GetRange(start, stop - start);
            var oldStart = edits.Take(start).Count(e => e.Kind != '+') + 1;
            var newStart = edits.Take(start).Count(e => e.Kind != '-') + 1;
            text.Append($"@@ -{oldStart},{hunk.Count(e => e.Kind != '+')} +{newStart},{hunk.Count(e => e.Kind != '-')} @@\n");
            foreach (var edit in hunk) text.Append(edit.Kind).Append(edit.Line).Append('\n');
            i = stop;
        }
        return text.ToString();
    }

    private static string[] Lines(string text) => text.Replace("\r\n", "\n").TrimEnd('\n').Split('\n');

    private static List<(char Kind, string Line)> Edits(string[] a, string[] b)
    {
        var prefix = 0;
        while (prefix < a.Length && prefix < b.Length && a[prefix] == b[prefix]) prefix++;
        var suffix = 0;
        while (suffix < a.Length - prefix && suffix < b.Length - prefix && a[^(suffix + 1)] == b[^(suffix + 1)]) suffix++;
        var result = a.Take(prefix).Select(l => (' ', l)).ToList();
        var middleA = a[prefix..(a.Length - suffix)];
        var middleB = b[prefix..(b.Length - suffix)];
        result.AddRange((long)middleA.Length * middleB.Length <= MaxTableCells ? Lcs(middleA, middleB)
            : middleA.Select(l => ('-', l)).Concat(middleB.Select(l => ('+', l))));
        result.AddRange(a[(a.Length - suffix)..].Select(l => (' ', l)));
        return result;
    }

    private static IEnumerable<(char, string)> Lcs(string[] a, string[] b)
    {
        var table = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
            for (var j = b.Length - 1; j >= 0; j--)
                table[i, j] = a[i] == b[j] ? table[i + 1, j + 1] + 1 : Math.Max(table[i + 1, j], table[i, j + 1]);
        int x = 0, y = 0;
        while (x < a.Length && y < b.Length)
        {
            if (a[x] == b[y]) { yield return (' ', a[x]); x++; y++; }
            else if (table[x + 1, y] >= table[x, y + 1]) yield return ('-', a[x++]);
            else yield return ('+', b[y++]);
        }
        while (x < a.Length) yield return ('-', a[x++]);
        while (y < b.Length) yield return ('+', b[y++]);
    }
}
