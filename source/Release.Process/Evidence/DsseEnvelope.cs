using System.Text;
using System.Text.Json.Serialization;
using Release.Process.Signing;

namespace Release.Process.Evidence;

/// <summary>One signature of a <see cref="DsseEnvelope"/>.</summary>
/// <param name="KeyId">The signing key's fingerprint (a hint only: the key that verifies is looked up among the trusted keys).</param>
/// <param name="Sig">The SSHSIG blob (base64, the body of <c>ssh-keygen -Y sign</c>'s armor) over the PAE.</param>
public sealed record DsseSignature([property: JsonPropertyName("keyid")] string KeyId, [property: JsonPropertyName("sig")] string Sig);

/// <summary>
/// A DSSE envelope (Dead Simple Signing Envelope, secure-systems-lab/dsse v1): a payload, its type, and signatures
/// over the pre-authentication encoding <c>PAE(type, body) = "DSSEv1" SP LEN(type) SP type SP LEN(body) SP body</c>
/// (LEN: the byte length in ASCII decimal), so a signature binds the payload type too. Signatures here are SSH
/// signatures (SSHSIG, namespace <see cref="Namespace"/>), so the same keys that sign release records sign evidence.
/// </summary>
/// <param name="PayloadType">The payload's media type, e.g. <c>application/vnd.in-toto+json</c>.</param>
/// <param name="Payload">The payload, base64.</param>
/// <param name="Signatures">The signatures (at least one).</param>
public sealed record DsseEnvelope(
    [property: JsonPropertyName("payloadType")] string PayloadType,
    [property: JsonPropertyName("payload")] string Payload,
    [property: JsonPropertyName("signatures")] IReadOnlyList<DsseSignature> Signatures)
{
    /// <summary>The SSHSIG namespace of evidence signatures.</summary>
    public const string Namespace = "release-evidence";

    /// <summary>The pre-authentication encoding the signatures cover.</summary>
    public static byte[] Pae(string payloadType, ReadOnlySpan<byte> payload)
    {
        var type = Encoding.UTF8.GetBytes(payloadType);
        return [.. Encoding.ASCII.GetBytes($"DSSEv1 {type.Length} "), .. type, .. Encoding.ASCII.GetBytes($" {payload.Length} "), .. payload];
    }

    /// <summary>Signs <paramref name="payload"/> of <paramref name="payloadType"/> with <paramref name="signer"/>.</summary>
    public static async Task<DsseEnvelope> SignAsync(string payloadType, byte[] payload, IMessageSigner signer, CancellationToken ct)
    {
        var armored = await signer.SignAsync(Pae(payloadType, payload), Namespace, ct).ConfigureAwait(false);
        var body = string.Concat(armored.Split('\n').Where(l => !l.StartsWith("-----", StringComparison.Ordinal)).Select(l => l.Trim()));
        return new DsseEnvelope(payloadType, Convert.ToBase64String(payload), [new DsseSignature(signer.PublicKey.Fingerprint, body)]);
    }

    /// <summary>
    /// The payload when at least one signature verifies against <paramref name="trusted"/> (never against a key the
    /// envelope names); otherwise null and why.
    /// </summary>
    public (byte[]? Payload, SshPublicKey? Signer, string? Refusal) Verify(IReadOnlyCollection<SshPublicKey> trusted)
    {
        byte[] payload;
        try { payload = Convert.FromBase64String(Payload); }
        catch (FormatException) { return (null, null, "its payload is not base64"); }
        if (Signatures.Count == 0) return (null, null, "it carries no signature");
        var pae = Pae(PayloadType, payload);
        var reasons = new List<string>();
        foreach (var signature in Signatures)
        {
            try
            {
                var parsed = SshSignature.Parse($"-----BEGIN SSH SIGNATURE-----\n{signature.Sig}\n-----END SSH SIGNATURE-----");
                var (key, refusal) = parsed.Verify(pae, Namespace, trusted);
                if (key is not null) return (payload, key, null);
                reasons.Add(refusal!);
            }
            catch (FormatException e) { reasons.Add($"signature unreadable ({e.Message})"); }
        }
        return (null, null, string.Join("; ", reasons));
    }
}
