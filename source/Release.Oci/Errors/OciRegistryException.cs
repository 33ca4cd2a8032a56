using System.Net;

namespace Release.Oci;

/// <summary>The registry answered a request with an error (or with content that fails verification).</summary>
public class OciRegistryException : Exception
{
    /// <summary>Creates the exception with a message that names the registry and the fix where one is known.</summary>
    public OciRegistryException(string message, HttpStatusCode? statusCode = null, string? errorCode = null, Exception? inner = null)
        : base(message, inner)
    {
        StatusCode = statusCode;
        ErrorCode = errorCode;
    }

    /// <summary>The HTTP status the registry answered with, when there was an answer.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>The first error code of the OCI error body (e.g. <c>MANIFEST_UNKNOWN</c>), when given.</summary>
    public string? ErrorCode { get; }
}
