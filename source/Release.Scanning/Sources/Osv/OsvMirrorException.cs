namespace Release.Scanning.Sources.Osv;

/// <summary>An advisory mirror sync failed; the message names the URL or entry and the fix. Nothing was replaced.</summary>
public sealed class OsvMirrorException : Exception
{
    /// <summary>Creates the exception.</summary>
    public OsvMirrorException(string message, Exception? inner = null) : base(message, inner) { }
}
