namespace Release.CI.Yaml;

/// <summary>A node of a generated YAML file. The writers build a tree of these; <see cref="YamlText"/> prints it.</summary>
internal abstract record YNode
{
    /// <summary>A string that always stays a string (quoted when YAML would read it as a number, boolean or null); null stays null, so the entry is
    /// left out.</summary>
    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(text))]
    public static implicit operator YNode?(string? text) => text is null ? null : new YScalar(text, ScalarKind.Text);
}

/// <summary>How a scalar is printed.</summary>
internal enum ScalarKind
{
    /// <summary>A string: plain when unambiguous, otherwise quoted.</summary>
    Text,
    /// <summary>A boolean or number, printed plain.</summary>
    Literal,
    /// <summary>A multi-line string printed as a <c>|</c> block.</summary>
    Block,
}

/// <summary>A scalar value.</summary>
internal sealed record YScalar(string Text, ScalarKind Kind) : YNode
{
    /// <summary>A YAML boolean.</summary>
    public static YScalar Bool(bool value) => new(value ? "true" : "false", ScalarKind.Literal);

    /// <summary>A YAML integer.</summary>
    public static YScalar Number(int value) => new(value.ToString(System.Globalization.CultureInfo.InvariantCulture), ScalarKind.Literal);

    /// <summary>A multi-line block string.</summary>
    public static YScalar Lines(IEnumerable<string> lines) => new(string.Join("\n", lines) + "\n", ScalarKind.Block);
}

/// <summary>A sequence; printed in flow style (<c>[]</c>) only when empty.</summary>
internal sealed record YSeq(IReadOnlyList<YNode> Items) : YNode
{
    /// <summary>A sequence of strings.</summary>
    public static YSeq Of(IEnumerable<string> items) => new(items.Select(i => (YNode)i).ToList());

    /// <summary>A sequence of nodes.</summary>
    public static YSeq Of(IEnumerable<YNode> items) => new(items.ToList());
}

/// <summary>A mapping that keeps insertion order (generated files must be deterministic) and skips null values.</summary>
internal sealed record YMap : YNode
{
    private readonly List<KeyValuePair<string, YNode>> _entries = [];

    /// <summary>The entries in insertion order.</summary>
    public IReadOnlyList<KeyValuePair<string, YNode>> Entries => _entries;

    /// <summary>Adds an entry unless <paramref name="value"/> is null; returns the map for chaining.</summary>
    public YMap Add(string key, YNode? value)
    {
        if (value is not null) _entries.Add(new(key, value));
        return this;
    }

    /// <summary>Whether the map has no entries.</summary>
    public bool IsEmpty => _entries.Count == 0;
}
