namespace Release.Scanning.Policy;

/// <summary>An allowlist file cannot be used: malformed, incomplete or expired entries. The message says how to fix it.</summary>
public sealed class AllowlistException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="file">The allowlist file.</param>
    /// <param name="entryIndex">Zero-based index of the offending entry; null when the problem is the file as a whole.</param>
    /// <param name="message">Full message naming file, entry and fix.</param>
    /// <param name="inner">The underlying parse error, if any.</param>
    public AllowlistException(string file, int? entryIndex, string message, Exception? inner = null)
        : base(message, inner)
    {
        File = file;
        EntryIndex = entryIndex;
    }

    /// <summary>The allowlist file.</summary>
    public string File { get; }

    /// <summary>Zero-based index of the offending entry, or null.</summary>
    public int? EntryIndex { get; }
}
