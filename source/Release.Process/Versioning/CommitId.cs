namespace Release.Process.Versioning;

/// <summary>Checks git commit ids (abbreviated or full SHA-1/SHA-256 hex).</summary>
public static class CommitId
{
    /// <summary>Returns the id in lower case when it is 7 to 64 hexadecimal characters.</summary>
    /// <param name="sha">The commit id, e.g. <c>0156133</c>.</param>
    /// <param name="field">Where the id came from, named in the error.</param>
    /// <exception cref="ArgumentException">The id is not hexadecimal or has the wrong length.</exception>
    public static string Validate(string? sha, string field = "commit sha")
    {
        if (sha is null || sha.Length is < 7 or > 64 || !sha.All(char.IsAsciiHexDigit))
            throw new ArgumentException(
                $"{field} '{sha}' is not a git commit id: expected 7 to 64 hexadecimal characters, e.g. the output of 'git rev-parse --short HEAD'.");
        return sha.ToLowerInvariant();
    }
}
