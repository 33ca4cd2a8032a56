namespace Release.Testing.Approvals;

/// <summary>A minimal unified-style line diff (longest common subsequence), enough to read a snapshot change.</summary>
public static class LineDiff
{
    /// <summary>Lines only in <paramref name="expected"/> start with '-', lines only in <paramref name="actual"/> with '+'.</summary>
    public static string Render(string expected, string actual, int context = 2)
    {
        var a = expected.Split('\n');
        var b = actual.Split('\n');
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
            for (var j = b.Length - 1; j >= 0; j--)
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);

        var lines = new List<(char Kind, string Text)>();
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y]) { lines.Add((' ', a[x])); x++; y++; }
            else if (y < b.Length && (x == a.Length || lcs[x, y + 1] >= lcs[x + 1, y])) lines.Add(('+', b[y++]));
            else lines.Add(('-', a[x++]));
        }

        var keep = new bool[lines.Count];
        for (var i = 0; i < lines.Count; i++)
            if (lines[i].Kind != ' ')
                for (var k = Math.Max(0, i - context); k <= Math.Min(lines.Count - 1, i + context); k++) keep[k] = true;
        var output = new List<string>();
        for (var i = 0; i < lines.Count; i++)
        {
            if (keep[i]) output.Add($"{lines[i].Kind} {lines[i].Text}");
            else if (i > 0 && keep[i - 1]) output.Add("  ...");
        }
        return string.Join('\n', output);
    }
}
