namespace Release.Tooling.Processes;

/// <summary>Replaces secret values with <c>***</c> in any text.</summary>
public sealed class SecretMasker
{
    /// <summary>The replacement written in place of a secret.</summary>
    public const string Mask = "***";

    private readonly string[] secrets;

    /// <summary>Creates a masker for the given secrets; empty or blank values are ignored.</summary>
    public SecretMasker(IEnumerable<string> secrets)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        // Longest first, so a secret that contains another one is masked whole, not leaving a tail visible.
        this.secrets = secrets
            .Where(s => !string.IsNullOrWhiteSpace(s))
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(s => s.Length)
            .ToArray();
    }

    /// <summary>Returns <paramref name="text"/> with every secret replaced by <see cref="Mask"/>.</summary>
    public string Apply(string text)
    {
        foreach (var secret in secrets)
        {
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
        }
        return text;
    }
}
