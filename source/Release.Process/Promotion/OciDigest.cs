namespace Release.Process.Promotion;

/// <summary>A content digest as OCI registries report it: <c>sha256:</c> followed by 64 lower-case hex digits.</summary>
public sealed record OciDigest
{
    private OciDigest(string value) => Value = value;

    /// <summary>The digest text.</summary>
    public string Value { get; }

    /// <summary>Parses a digest.</summary>
    /// <param name="text">The digest, e.g. <c>sha256:9f86…</c>.</param>
    /// <param name="field">What the digest is (e.g. "image digest of director-1.4.0"), named in the error.</param>
    /// <exception cref="ArgumentException">Not a sha256 digest. Tags are refused on purpose: promotion works by digest.</exception>
    public static OciDigest Parse(string? text, string field)
    {
        const string prefix = "sha256:";
        if (text is null || !text.StartsWith(prefix, StringComparison.Ordinal) || text.Length != prefix.Length + 64
            || !text[prefix.Length..].All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f'))
            throw new ArgumentException(
                $"{field} '{text}' is not a digest: expected 'sha256:' and 64 lower-case hex digits as the registry reports it (tags are not accepted; promote by digest).");
        return new OciDigest(text);
    }

    /// <inheritdoc />
    public override string ToString() => Value;
}
