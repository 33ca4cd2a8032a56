using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Release.Foundation.Oci;

/// <summary>
/// A content digest as defined by the OCI image spec (<c>algorithm:hex</c>), e.g. <c>sha256:9f86…</c>.
/// Digests identify blobs and manifests by their exact bytes, so two equal digests mean equal content.
/// </summary>
/// <remarks>
/// One type for the OCI client (which computes and checks digests) and the release rules (which promote by digest and
/// refuse tags): it lives in the foundation so both read the same rule. It does no file or network I/O: the release
/// rules stay pure when they use it.
/// </remarks>
public readonly partial record struct OciDigest
{
    private OciDigest(string algorithm, string hex)
    {
        Algorithm = algorithm;
        Hex = hex;
    }

    /// <summary>The hash algorithm name: <c>sha256</c> or <c>sha512</c>.</summary>
    public string Algorithm { get; }

    /// <summary>The lower-case hexadecimal hash value.</summary>
    public string Hex { get; }

    /// <summary>The canonical text form <c>algorithm:hex</c>, as registries report it (the same as <see cref="ToString"/>).</summary>
    public string Value => ToString();

    /// <summary>Parses <paramref name="value"/> or throws a <see cref="FormatException"/> that says what a digest looks like.</summary>
    public static OciDigest Parse(string value)
    {
        if (TryParse(value, out var digest))
        {
            return digest;
        }

        throw new FormatException(
            $"'{value}' is not an OCI digest; expected 'sha256:' followed by 64 lower-case hex characters " +
            "(or 'sha512:' followed by 128).");
    }

    /// <summary>Parses a digest that a release names, e.g. the image to promote.</summary>
    /// <param name="text">The digest, e.g. <c>sha256:9f86…</c>.</param>
    /// <param name="field">What the digest is (e.g. "image digest of director-1.4.0"), named in the error.</param>
    /// <exception cref="ArgumentException">Not a digest. Tags are refused on purpose: promotion works by digest.</exception>
    public static OciDigest Parse(string? text, string field)
    {
        if (TryParse(text, out var digest))
        {
            return digest;
        }

        throw new ArgumentException(
            $"{field} '{text}' is not a digest: expected 'sha256:' and 64 lower-case hex digits as the registry reports it " +
            "(tags are not accepted; promote by digest).");
    }

    /// <summary>Parses <paramref name="value"/>; returns false when it is not a supported digest.</summary>
    public static bool TryParse(string? value, out OciDigest digest)
    {
        digest = default;
        if (value is null)
        {
            return false;
        }

        var match = DigestPattern().Match(value);
        if (!match.Success)
        {
            return false;
        }

        var algorithm = match.Groups[1].Value;
        var hex = match.Groups[2].Value;
        var expectedLength = algorithm == "sha256" ? 64 : 128;
        if (hex.Length != expectedLength)
        {
            return false;
        }

        digest = new OciDigest(algorithm, hex);
        return true;
    }

    /// <summary>Computes the sha256 digest of <paramref name="content"/>.</summary>
    public static OciDigest Compute(ReadOnlySpan<byte> content) =>
        new("sha256", Convert.ToHexStringLower(SHA256.HashData(content)));

    /// <summary>Computes the sha256 digest of a stream read to its end.</summary>
    public static async Task<OciDigest> ComputeAsync(Stream content, CancellationToken cancellationToken)
    {
        var hash = await SHA256.HashDataAsync(content, cancellationToken).ConfigureAwait(false);
        return new OciDigest("sha256", Convert.ToHexStringLower(hash));
    }

    /// <summary>Creates an incremental hash of this digest's algorithm, to verify content while it streams.</summary>
    public IncrementalHash CreateHash() =>
        IncrementalHash.CreateHash(Algorithm == "sha512" ? HashAlgorithmName.SHA512 : HashAlgorithmName.SHA256);

    /// <summary>True when <paramref name="hashValue"/> (from <see cref="CreateHash"/>) equals this digest.</summary>
    public bool Matches(byte[] hashValue) => Convert.ToHexStringLower(hashValue) == Hex;

    /// <summary>The canonical text form <c>algorithm:hex</c>.</summary>
    public override string ToString() => $"{Algorithm}:{Hex}";

    [GeneratedRegex("^(sha256|sha512):([a-f0-9]+)$")]
    private static partial Regex DigestPattern();
}
