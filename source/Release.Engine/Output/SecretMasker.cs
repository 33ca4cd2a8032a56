namespace Release.Engine.Output;

/// <summary>Replaces every known secret value with <c>***</c>. One per build run; thread-safe.</summary>
public sealed class SecretMasker
{
    private readonly object _gate = new();
    private string[] _secrets = [];

    /// <summary>Registers a value to mask. Values shorter than 3 characters are ignored: masking them would garble logs.</summary>
    public void Add(string? secret)
    {
        if (string.IsNullOrEmpty(secret) || secret.Length < 3) return;
        lock (_gate)
            _secrets = _secrets.Append(secret).Distinct().OrderByDescending(s => s.Length).ToArray();
    }

    /// <summary>The values registered so far (longest first), for handing to tools that mask their own output.</summary>
    public IReadOnlyCollection<string> Secrets => _secrets;

    /// <summary>Returns <paramref name="text"/> with every secret replaced by <c>***</c>.</summary>
    public string Mask(string text)
    {
        var secrets = _secrets;
        foreach (var secret in secrets)
            text = text.Replace(secret, "***", StringComparison.Ordinal);
        return text;
    }
}
