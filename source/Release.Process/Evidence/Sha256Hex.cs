using System.Security.Cryptography;
using System.Text;

namespace Release.Process.Evidence;

/// <summary>SHA-256 of in-memory bytes as 64 lower-case hex digits (reading files is the caller's job).</summary>
public static class Sha256Hex
{
    /// <summary>Hashes bytes.</summary>
    /// <param name="bytes">The content.</param>
    public static string Of(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>Hashes text as UTF-8.</summary>
    /// <param name="text">The text.</param>
    public static string Of(string text) => Of(Encoding.UTF8.GetBytes(text));

    /// <summary>Checks a hash is 64 hex digits and returns it in lower case.</summary>
    /// <param name="hash">The hash.</param>
    /// <param name="field">What the hash belongs to, named in the error.</param>
    /// <exception cref="ArgumentException">Not a SHA-256 hex string.</exception>
    public static string Validate(string? hash, string field)
    {
        if (hash is null || hash.Length != 64 || !hash.All(char.IsAsciiHexDigit))
            throw new ArgumentException($"{field}: '{hash}' is not a SHA-256 hash (64 hex digits, e.g. from 'sha256sum').");
        return hash.ToLowerInvariant();
    }
}
