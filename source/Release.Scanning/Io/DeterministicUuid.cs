using System.Security.Cryptography;
using System.Text;

namespace Release.Scanning.Io;

/// <summary>
/// Name-based UUIDs (RFC 4122 version 5, SHA-1): the same text always gives the same UUID, so generated documents
/// (SBOM serial numbers, report ids) stay byte-identical for identical input.
/// </summary>
public static class DeterministicUuid
{
    // A fixed namespace of our own, so our UUIDs do not collide with other name-based UUIDs of the same text.
    private static readonly Guid Namespace = new("3f0d3c1e-7a52-4b9e-9c55-1f2b8a4c6d70");

    /// <summary>The version-5 UUID of <paramref name="name"/>, formatted lower-case with hyphens.</summary>
    /// <param name="name">Any text that identifies the thing.</param>
    public static string Create(string name)
    {
        var bytes = Namespace.ToByteArray(bigEndian: true).Concat(Encoding.UTF8.GetBytes(name)).ToArray();
        var hash = SHA1.HashData(bytes);
        var uuid = hash.AsSpan(0, 16).ToArray();
        uuid[6] = (byte)((uuid[6] & 0x0F) | 0x50); // version 5
        uuid[8] = (byte)((uuid[8] & 0x3F) | 0x80); // RFC 4122 variant
        return new Guid(uuid, bigEndian: true).ToString("D");
    }
}
