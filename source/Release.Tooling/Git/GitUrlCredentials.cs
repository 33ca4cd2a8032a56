namespace Release.Tooling.Git;

/// <summary>Finds credentials embedded in URLs (<c>https://user:token@host/...</c>) so they can be masked.</summary>
internal static class GitUrlCredentials
{
    private const int MinimumTokenLength = 16;

    public static IEnumerable<string> SecretsIn(string argument)
    {
        var schemeEnd = argument.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd < 0)
        {
            yield break;
        }
        var authorityStart = schemeEnd + 3;
        var slash = argument.IndexOf('/', authorityStart);
        var authority = slash < 0 ? argument[authorityStart..] : argument[authorityStart..slash];
        var at = authority.LastIndexOf('@');
        if (at <= 0)
        {
            yield break;
        }
        var userInfo = authority[..at];
        var colon = userInfo.IndexOf(':');
        if (colon >= 0)
        {
            yield return userInfo[(colon + 1)..];
        }
        else if (userInfo.Length >= MinimumTokenLength)
        {
            // A token alone as user name (https://TOKEN@host) is as secret as a password; short names such as
            // "git" or "oauth2" are not, and masking them would garble every line that mentions them.
            yield return userInfo;
        }
    }
}
