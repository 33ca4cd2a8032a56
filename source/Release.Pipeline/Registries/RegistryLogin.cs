using Release.Oci;

namespace Release.Pipeline.Registries;

/// <summary>
/// The credentials for the registries a build pushes to (<c>--registry-username</c>, <c>--registry-password</c>):
/// Build's <c>--registry</c>, Push's <c>--push-registry</c> and the chart's. They are offered only when a registry asks
/// for them, and only to those registries, so a password never reaches another host.
/// </summary>
public static class RegistryLogin
{
    /// <summary>The credentials, or null for anonymous access.</summary>
    /// <exception cref="Release.Engine.BuildInputException">A user name without a password (exit code 2); the message says to pass both.</exception>
    public static RegistryCredentials? From(string? userName, string? password)
    {
        if (string.IsNullOrEmpty(userName)) return null;
        return string.IsNullOrEmpty(password)
            ? throw new Release.Engine.BuildInputException(
                $"--registry-username '{userName}' was given without --registry-password. Pass both, or neither for anonymous access.")
            : new RegistryCredentials(userName, password);
    }
}
