using System.Security.Cryptography;
using System.Text;

namespace Release.Process.Signing;

/// <summary>
/// An SSH signature in the SSHSIG format (OpenSSH's PROTOCOL.sshsig; what <c>ssh-keygen -Y sign</c> and git's SSH
/// signing write): the signer's public key, a namespace that keeps a signature made for one purpose from being
/// accepted for another, and the signature over the message's SHA-512 (or SHA-256) hash. Verification is pure.
/// </summary>
public sealed class SshSignature
{
    private const string Begin = "-----BEGIN SSH SIGNATURE-----";
    private const string End = "-----END SSH SIGNATURE-----";
    private static readonly byte[] Magic = "SSHSIG"u8.ToArray();

    private readonly byte[] _signature;

    private SshSignature(SshPublicKey key, string @namespace, string hashAlgorithm, byte[] signature)
    {
        Key = key;
        Namespace = @namespace;
        HashAlgorithm = hashAlgorithm;
        _signature = signature;
    }

    /// <summary>The key the signature claims to be made with (trust it only when it is also a trusted key).</summary>
    public SshPublicKey Key { get; }

    /// <summary>The namespace signed into it, e.g. <c>release-record</c>.</summary>
    public string Namespace { get; }

    /// <summary><c>sha512</c> or <c>sha256</c>.</summary>
    public string HashAlgorithm { get; }

    /// <summary>Reads the armored text (<c>-----BEGIN SSH SIGNATURE-----</c> ...).</summary>
    /// <exception cref="FormatException">Not an SSHSIG signature, or one with an unsupported key or hash.</exception>
    public static SshSignature Parse(string armored)
    {
        var text = (armored ?? "").Trim();
        if (!text.StartsWith(Begin, StringComparison.Ordinal) || !text.EndsWith(End, StringComparison.Ordinal))
            throw new FormatException("not an SSH signature (no -----BEGIN SSH SIGNATURE----- armor)");
        byte[] bytes;
        try { bytes = Convert.FromBase64String(string.Concat(text[Begin.Length..^End.Length].Where(c => !char.IsWhiteSpace(c)))); }
        catch (FormatException) { throw new FormatException("the SSH signature's body is not base64"); }
        var reader = new SshWireReader(bytes);
        if (!reader.ReadBytes(Magic.Length).SequenceEqual(Magic)) throw new FormatException("not an SSHSIG blob (magic missing)");
        if (reader.ReadUInt32() != 1) throw new FormatException("SSHSIG version is not 1");
        var key = SshPublicKey.FromBlob(reader.ReadString(), "the signature's key");
        var @namespace = reader.ReadText();
        reader.ReadString(); // reserved
        var hash = reader.ReadText();
        if (hash is not ("sha512" or "sha256")) throw new FormatException($"SSHSIG hash '{hash}' is not sha512 or sha256");
        var signature = reader.ReadString().ToArray();
        if (!reader.AtEnd) throw new FormatException("trailing bytes after the SSH signature");
        return new SshSignature(key, @namespace, hash, signature);
    }

    /// <summary>
    /// Checks the signature over <paramref name="message"/> in <paramref name="namespace"/> against the keys the caller
    /// trusts (never against the key the signature carries alone).
    /// </summary>
    /// <returns>The trusted key that made it, or null with the reason.</returns>
    public (SshPublicKey? Key, string? Refusal) Verify(ReadOnlySpan<byte> message, string @namespace, IEnumerable<SshPublicKey> trusted)
    {
        if (Namespace != @namespace)
            return (null, $"signed for namespace '{Namespace}', not '{@namespace}'");
        var key = trusted.FirstOrDefault(k => k.Equals(Key));
        if (key is null)
            return (null, $"signed with key {Key.Fingerprint}, which is not a trusted key");
        var digest = HashAlgorithm == "sha512" ? SHA512.HashData(message) : SHA256.HashData(message);
        var signed = new SshWireWriter().Raw(Magic).String(Namespace).String(""u8).String(HashAlgorithm).String(digest).ToArray();
        return key.Verifies(signed, _signature)
            ? (key, null)
            : (null, $"the signature of key {Key.Fingerprint} does not match the signed content (changed after signing)");
    }
}
