using System.Net;

namespace Release.Oci;

/// <summary>
/// The registry (or its token service) refused the credentials, or none were given and it needs some.
/// The message names the registry and the user, never the password.
/// </summary>
public sealed class RegistryAuthenticationException : OciRegistryException
{
    /// <summary>Creates the exception for <paramref name="registry"/> and the user that was refused.</summary>
    public RegistryAuthenticationException(string registry, string? userName, HttpStatusCode statusCode, string detail)
        : base(BuildMessage(registry, userName, statusCode, detail), statusCode)
    {
        Registry = registry;
        UserName = userName;
    }

    /// <summary>The registry host that refused.</summary>
    public string Registry { get; }

    /// <summary>The user name that was refused, or null when no credentials were configured.</summary>
    public string? UserName { get; }

    private static string BuildMessage(string registry, string? userName, HttpStatusCode statusCode, string detail)
    {
        var who = userName is null ? "no credentials configured" : $"user {userName}";
        var fix = userName is null
            ? "give the client credentials for this registry"
            : "check the user name and password/token and that the user may access the repository";
        return $"authentication refused for {registry} ({who}): {(int)statusCode} {statusCode} {detail}; {fix}.";
    }
}
