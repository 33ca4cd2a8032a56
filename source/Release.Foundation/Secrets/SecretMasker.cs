namespace Release.Foundation.Secrets;

/// <summary>
/// Replaces every known secret value with <c>***</c> in any text. The engine keeps one per build run (values are added
/// as secret parameters resolve); a tool wrapper makes one for the secrets of a single command. Thread-safe.
/// </summary>
/// <remarks>
/// One rule for every masker: values that are blank or shorter than <see cref="MinimumLength"/> characters are not
/// masked. Masking <c>a</c> or <c>12</c> would garble every log line that contains them, and would point at the
/// secret rather than hide it (a value that short can be guessed anyway).
/// </remarks>
public sealed class SecretMasker
{
    /// <summary>The replacement written in place of a secret.</summary>
    public const string Replacement = "***";

    /// <summary>The shortest value that is masked.</summary>
    public const int MinimumLength = 3;

    private readonly Lock _gate = new();
    private string[] _secrets = [];

    /// <summary>Creates a masker, with <paramref name="secrets"/> registered.</summary>
    public SecretMasker(IEnumerable<string?>? secrets = null)
    {
        if (secrets is not null) AddRange(secrets);
    }

    /// <summary>The values registered so far (longest first), for handing to tools that mask their own output.</summary>
    public IReadOnlyCollection<string> Secrets => _secrets;

    /// <summary>Registers a value to mask; blank and too short values are ignored (see the remarks).</summary>
    public void Add(string? secret) => AddRange([secret]);

    /// <summary>Registers values to mask; blank and too short values are ignored (see the remarks).</summary>
    public void AddRange(IEnumerable<string?> secrets)
    {
        var masked = secrets.Where(IsMasked).Select(s => s!).ToList();
        if (masked.Count == 0) return;
        lock (_gate)
            // Longest first, so a secret that contains another one is masked whole, not leaving a tail visible.
            _secrets = _secrets.Concat(masked).Distinct(StringComparer.Ordinal).OrderByDescending(s => s.Length).ToArray();
    }

    /// <summary>Returns <paramref name="text"/> with every secret replaced by <see cref="Replacement"/>.</summary>
    public string Mask(string text)
    {
        foreach (var secret in _secrets)
            text = text.Replace(secret, Replacement, StringComparison.Ordinal);
        return text;
    }

    private static bool IsMasked(string? value) => !string.IsNullOrWhiteSpace(value) && value.Length >= MinimumLength;
}
