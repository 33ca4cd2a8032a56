namespace Release.Oci;

/// <summary>
/// A user name and password (or access token) for a registry. The password is a secret:
/// <see cref="ToString"/> masks it and this library never puts it into messages or logs.
/// </summary>
/// <param name="UserName">The user name; shown in error messages so the reader knows which account was refused.</param>
/// <param name="Password">The password or token; never shown.</param>
public sealed record RegistryCredentials(string UserName, string Password)
{
    /// <summary>The value of a Basic <c>Authorization</c> header for these credentials.</summary>
    internal string ToBasicParameter() =>
        Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{UserName}:{Password}"));

    /// <summary>Shows the user name and a mask instead of the password.</summary>
    public override string ToString() => $"{UserName}:****";
}
