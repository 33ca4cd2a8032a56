using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Release.Oci;

/// <summary>
/// A content digest as defined by the OCI image spec (<c>algorithm:hex</c>), e.g. <c>sha256:9f86…</c>.
/// Digests identify blobs and manifests by their exact bytes, so two equal digests mean equal content.
/// </summary>
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

    /// <summary>Computes the sha256 digest of a file.</summary>
    public static async Task<OciDigest> ComputeFileAsync(string path, CancellationToken cancellationToken)
    {
        var stream = File.OpenRead(path);
        await using var streamDisposal = stream.ConfigureAwait(false);
        return await ComputeAsync(stream, cancellationToken).ConfigureAwait(false);
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
