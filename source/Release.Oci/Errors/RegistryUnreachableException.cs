namespace Release.Oci;

/// <summary>The registry could not be reached (connection refused, DNS failure, timeout) after every retry.</summary>
public sealed class RegistryUnreachableException : OciRegistryException
{
    /// <summary>Creates the exception naming the registry, the attempts made and what to check.</summary>
    public RegistryUnreachableException(string registry, Uri baseUri, int attempts, Exception lastError)
        : base(
            $"registry {registry} ({baseUri}) is unreachable after {attempts} attempt(s): {lastError.Message}. " +
            "Check that the registry is running and listening on that host and port, that the address is right, " +
            $"and whether it speaks {(baseUri.Scheme == "https" ? "plain HTTP (set PlainHttp or use http://)" : "HTTPS (use https://)")}.",
            null, null, lastError)
    {
        Registry = registry;
        Attempts = attempts;
    }

    /// <summary>The registry host that could not be reached.</summary>
    public string Registry { get; }

    /// <summary>How many attempts were made.</summary>
    public int Attempts { get; }
}
