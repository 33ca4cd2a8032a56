using System.Security.Cryptography;
using NSec.Cryptography;

namespace Release.Process.Signing;

/// <summary>
/// An SSH public key as <c>ssh-keygen</c> writes it (<c>ssh-ed25519 AAAA... comment</c>, the line of a <c>.pub</c> file
/// or <c>authorized_keys</c>). Two key types are supported fully: <c>ssh-ed25519</c> (what <c>ssh-keygen</c> makes by
/// default; verified with libsodium through NSec) and <c>ecdsa-sha2-nistp256</c> (verified with .NET's ECDsa).
/// </summary>
public sealed class SshPublicKey : IEquatable<SshPublicKey>
{
    /// <summary>The Ed25519 key type name.</summary>
    public const string Ed25519 = "ssh-ed25519";

    /// <summary>The ECDSA P-256 key type name.</summary>
    public const string EcdsaP256 = "ecdsa-sha2-nistp256";

    private readonly byte[] _blob;

    private SshPublicKey(string type, byte[] blob, byte[] key)
    {
        Type = type;
        _blob = blob;
        Key = key;
        Fingerprint = "SHA256:" + Convert.ToBase64String(SHA256.HashData(blob)).TrimEnd('=');
    }

    /// <summary>The key type, <see cref="Ed25519"/> or <see cref="EcdsaP256"/>.</summary>
    public string Type { get; }

    /// <summary>The key as <c>ssh-keygen -l</c> shows it, e.g. <c>SHA256:Ab3...</c>; safe to log (it is public).</summary>
    public string Fingerprint { get; }

    // Ed25519: the 32-byte key; ECDSA: the uncompressed point (0x04 || X || Y).
    private byte[] Key { get; }

    /// <summary>The key in the wire format (what SSHSIG embeds), for comparison.</summary>
    public ReadOnlySpan<byte> Blob => _blob;

    /// <summary>Reads <c>TYPE BASE64 [comment]</c>.</summary>
    /// <param name="text">The line.</param>
    /// <param name="source">Where it came from, named in errors (e.g. the roster line).</param>
    /// <exception cref="FormatException">Not an SSH public key, or a type this library does not verify.</exception>
    public static SshPublicKey Parse(string text, string source)
    {
        var parts = (text ?? "").Trim().Split((char[])[' ', '\t'], 3, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 2)
            throw new FormatException($"{source}: '{Shorten(text)}' is not an SSH public key; give the line of the key's .pub file, e.g. " +
                "'ssh-ed25519 AAAAC3Nza... you@example.com'.");
        byte[] blob;
        try { blob = Convert.FromBase64String(parts[1]); }
        catch (FormatException) { throw new FormatException(
            $"{source}: the key's base64 part is not valid base64; copy the whole line of the .pub file."); }
        var key = FromBlob(blob, source);
        if (key.Type != parts[0])
            throw new FormatException($"{source}: the line says {parts[0]} but the key is {key.Type}; copy the whole line of the .pub file.");
        return key;
    }

    /// <summary>Reads a key from its wire format (as embedded in a signature).</summary>
    /// <exception cref="FormatException">Malformed, or an unsupported key type.</exception>
    public static SshPublicKey FromBlob(ReadOnlySpan<byte> blob, string source)
    {
        var reader = new SshWireReader(blob);
        var type = reader.ReadText();
        switch (type)
        {
            case Ed25519:
            {
                var key = reader.ReadString();
                if (key.Length != 32 || !reader.AtEnd) throw new FormatException($"{source}: malformed {Ed25519} key.");
                return new SshPublicKey(type, blob.ToArray(), key.ToArray());
            }
            case EcdsaP256:
            {
                var curve = reader.ReadText();
                var point = reader.ReadString();
                if (curve != "nistp256" || point.Length != 65 || point[0] != 4
                    || !reader.AtEnd) throw new FormatException($"{source}: malformed {EcdsaP256} key.");
                return new SshPublicKey(type, blob.ToArray(), point.ToArray());
            }
            default:
                throw new FormatException($"{source}: SSH key type '{type}' is not supported; use an {Ed25519} key (ssh-keygen -t ed25519) or " +
                    $"{EcdsaP256} (ssh-keygen -t ecdsa -b 256).");
        }
    }

    /// <summary>Whether <paramref name="signatureBlob"/> (SSH wire format: type, then the raw signature) signs <paramref name="data"/>.</summary>
    internal bool Verifies(ReadOnlySpan<byte> data, ReadOnlySpan<byte> signatureBlob)
    {
        try
        {
            var reader = new SshWireReader(signatureBlob);
            if (reader.ReadText() != Type) return false;
            var raw = reader.ReadString();
            if (!reader.AtEnd) return false;
            return Type == Ed25519 ? VerifyEd25519(data, raw) : VerifyEcdsa(data, raw);
        }
        catch (FormatException) { return false; }
    }

    private bool VerifyEd25519(ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
    {
        var algorithm = SignatureAlgorithm.Ed25519;
        var key = PublicKey.Import(algorithm, Key, KeyBlobFormat.RawPublicKey);
        return algorithm.Verify(key, data, signature);
    }

    // The ECDSA signature is (mpint r, mpint s); .NET wants r || s, each 32 bytes, big-endian.
    private bool VerifyEcdsa(ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
    {
        var reader = new SshWireReader(signature);
        Span<byte> rs = stackalloc byte[64];
        if (!CopyScalar(reader.ReadString(), rs[..32]) || !CopyScalar(reader.ReadString(), rs[32..]) || !reader.AtEnd) return false;
        using var ecdsa = ECDsa.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = Key[1..33], Y = Key[33..65] },
        });
        return ecdsa.VerifyData(data, rs, HashAlgorithmName.SHA256);
    }

    private static bool CopyScalar(ReadOnlySpan<byte> mpint, Span<byte> target)
    {
        var value = mpint.TrimStart((byte)0);
        if (value.Length > target.Length) return false;
        target.Clear();
        value.CopyTo(target[(target.Length - value.Length)..]);
        return true;
    }

    private static string Shorten(string? text) => text is null ? "" : text.Length > 40 ? text[..40] + "..." : text;

    /// <inheritdoc />
    public bool Equals(SshPublicKey? other) => other is not null && _blob.AsSpan().SequenceEqual(other._blob);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as SshPublicKey);

    /// <inheritdoc />
    public override int GetHashCode() => Fingerprint.GetHashCode(StringComparison.Ordinal);

    /// <summary>The key as a <c>.pub</c> line without comment.</summary>
    public override string ToString() => $"{Type} {Convert.ToBase64String(_blob)}";
}
